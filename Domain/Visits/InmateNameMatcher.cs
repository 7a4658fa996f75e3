using System.Globalization;
using System.Text;

namespace ChatBot.Domain.Visits;

/// <summary>
/// Forgiving comparison of people's names as families type them: case, spacing and punctuation do
/// not matter; common spelling variants are one (<c>Muhammad</c>/<c>Muhamad</c>/<c>M.</c>/<c>Moh.</c>,
/// old spellings <c>oe</c>/<c>dj</c>/<c>tj</c>, doubled letters); and one or two slips of the keyboard
/// are forgiven in longer names. Never enough on its own to confirm someone: callers ask a second detail.
/// </summary>
public static class InmateNameMatcher
{
    private static readonly Dictionary<string, string> Variants = new(StringComparer.Ordinal)
    {
        ["m"] = "muhamad",
        ["md"] = "muhamad",
        ["mhd"] = "muhamad",
        ["muh"] = "muhamad",
        ["moh"] = "muhamad",
        ["moch"] = "muhamad",
        ["mochamad"] = "muhamad",
        ["mohamad"] = "muhamad",
        ["mohamed"] = "muhamad",
        ["muhamed"] = "muhamad",
        ["abd"] = "abdul",
        ["nor"] = "nur",
        ["nuur"] = "nur",
    };

    /// <summary>The comparable form of a name; empty when it has no letters.</summary>
    public static string Key(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var letters = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            letters.Append(char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var tokens = letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Canonical);
        return string.Join(' ', tokens);
    }

    /// <summary>Whether two names are the same person's name as far as spelling goes.</summary>
    public static bool Matches(string? typed, string? rosterName) => KeysMatch(Key(typed), Key(rosterName));

    /// <summary><see cref="Matches"/> on keys already made by <see cref="Key"/>.</summary>
    public static bool KeysMatch(string typedKey, string rosterKey)
    {
        if (typedKey.Length == 0 || rosterKey.Length == 0)
        {
            return false;
        }

        if (typedKey == rosterKey)
        {
            return true;
        }

        var allowed = Math.Min(typedKey.Length, rosterKey.Length) switch
        {
            >= 10 => 2,
            >= 5 => 1,
            _ => 0,
        };
        return allowed > 0 && Math.Abs(typedKey.Length - rosterKey.Length) <= allowed && Distance(typedKey, rosterKey, allowed) <= allowed;
    }

    /// <summary>
    /// Whether the typed name is part of the roster name: two or more of its words (of three letters or
    /// more), each the same as
    /// a word of the roster name (a slip forgiven in words of five letters or more), in the same order,
    /// with words of the roster name left over ("rizki pratama", "muhamad rizky" for "Muhammad Rizki
    /// Pratama"). Weaker than <see cref="KeysMatch"/>: the caller confirms the full name with the person.
    /// </summary>
    public static bool KeysPartlyMatch(string typedKey, string rosterKey)
    {
        var typed = typedKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var roster = rosterKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (typed.Length < 2 || typed.Length >= roster.Length || typed.Any(word => word.Length < 3))
        {
            return false;
        }

        var next = 0;
        foreach (var word in typed)
        {
            while (next < roster.Length && !WordsMatch(word, roster[next]))
            {
                next++;
            }

            if (next == roster.Length)
            {
                return false;
            }

            next++;
        }

        return true;
    }

    private static bool WordsMatch(string typed, string roster) =>
        typed == roster
        || Math.Min(typed.Length, roster.Length) >= 5 && Math.Abs(typed.Length - roster.Length) <= 1 && Distance(typed, roster, 1) <= 1;

    private static string Canonical(string token)
    {
        // Old spellings (Soekarno, Djoko, Tjahjo) and Arabic-origin variants (Achmad) read as today's.
        var t = token.Replace("oe", "u", StringComparison.Ordinal)
            .Replace("dj", "j", StringComparison.Ordinal)
            .Replace("tj", "c", StringComparison.Ordinal)
            .Replace("sj", "sy", StringComparison.Ordinal)
            .Replace("ch", "h", StringComparison.Ordinal);
        var collapsed = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        t = collapsed.ToString();
        return Variants.GetValueOrDefault(t, t);
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours counts one), stopping early past <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return rowMin;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
