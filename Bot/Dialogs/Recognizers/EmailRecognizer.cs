using System.Collections.Frozen;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>Recognizes one e-mail address, possibly inside a sentence or angle brackets.</summary>
/// <remarks>
/// <para>"email saya: Budi@Mail.co.id." → <c>Budi@mail.co.id</c>: the local part keeps its case, the domain is
/// lower-cased, a trailing sentence period is dropped. Brackets, quotes, WhatsApp bold/italic markers and a
/// <c>mailto:</c> prefix around the address are ignored.</para>
/// <para>The rule is deliberately pragmatic rather than full RFC 5322: ASCII only; a local part of 1–64 characters
/// from letters, digits and <c>. _ % + -</c>, not starting or ending with a dot and without "..";
/// a domain of at least two dot-separated labels of letters, digits and hyphens (1–63 characters, no hyphen at
/// either end) ending in a top-level domain of two or more letters; 254 characters at most.</para>
/// <para>Likely typos of big providers ("gmail.con", "gmial.com", "yahoo.co", "budi@gmail") and of ".com"
/// ("kantor.con") give <c>typo</c> with <see cref="Recognized{T}.Value"/> holding the suggested address
/// (Ok is false). A prompt can offer the suggestion and, if the user insists, call
/// <see cref="Recognize(string, bool)"/> with <c>checkTypos: false</c>.</para>
/// Problems: <c>empty</c>, <c>format</c>, <c>ambiguous</c> (two different addresses), <c>typo</c>.
/// </remarks>
public static class EmailRecognizer
{
    private const int MaxLength = 254;
    private const int MaxLocalLength = 64;
    private const int MaxLabelLength = 63;

    /// <summary>Real mail domains that are one typo away from another provider and must never be "corrected".</summary>
    private static readonly FrozenSet<string> KnownDomains = new[]
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.id", "ymail.com", "rocketmail.com", "hotmail.com",
        "outlook.com", "outlook.co.id", "live.com", "msn.com", "icloud.com", "me.com", "mail.com", "email.com",
        "aol.com", "gmx.com", "zoho.com", "proton.me", "protonmail.com", "yandex.com",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Providers whose near misses are suggested, most common first.</summary>
    private static readonly string[] TypoTargets =
        ["gmail.com", "yahoo.com", "yahoo.co.id", "hotmail.com", "outlook.com", "icloud.com", "ymail.com"];

    private static readonly FrozenDictionary<string, string> ExplicitTypos = new Dictionary<string, string>
    {
        ["gmail.co.id"] = "gmail.com",
        ["gmail"] = "gmail.com",
        ["yahoo"] = "yahoo.com",
        ["hotmail"] = "hotmail.com",
        ["outlook"] = "outlook.com",
        ["icloud"] = "icloud.com",
        ["ymail"] = "ymail.com",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ComTypos = new[]
    {
        "con", "cpm", "vom", "xom", "cim", "comm", "coom", "ocm", "cmo", "copm", "cok",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static Recognized<string> Recognize(string text) => Recognize(text, checkTypos: true);

    public static Recognized<string> Recognize(string text, bool checkTypos)
    {
        string prepared = RecognizerText.Prepare(text);
        if (prepared.Length == 0)
        {
            return Recognized<string>.Fail(RecognizerProblems.Empty);
        }

        string? candidate = null;
        int from = 0;
        int at;
        while (from < prepared.Length && (at = prepared.IndexOf('@', from)) >= 0)
        {
            int start = at;
            while (start > 0 && IsAddressChar(prepared[start - 1]))
            {
                start--;
            }

            int end = at + 1;
            while (end < prepared.Length && IsAddressChar(prepared[end]))
            {
                end++;
            }

            from = end;
            int trimmedEnd = end;
            while (trimmedEnd > at + 1 && prepared[trimmedEnd - 1] == '.')
            {
                trimmedEnd--; // sentence period
            }

            string found = prepared[start..trimmedEnd];
            if (candidate is null)
            {
                candidate = found;
            }
            else if (!SameAddress(candidate, found))
            {
                return Recognized<string>.Fail(RecognizerProblems.Ambiguous);
            }
        }

        if (candidate is null)
        {
            return Recognized<string>.Fail(RecognizerProblems.Format);
        }

        int separator = candidate.IndexOf('@');
        string local = candidate[..separator];
        string domain = candidate[(separator + 1)..].ToLowerInvariant();
        bool localOk = IsValidLocal(local);

        if (checkTypos && localOk && candidate.Length <= MaxLength && Suggest(domain) is { } suggestion)
        {
            return Recognized<string>.Fail(RecognizerProblems.Typo, local + "@" + suggestion);
        }

        if (!localOk || !IsValidDomain(domain) || candidate.Length > MaxLength)
        {
            return Recognized<string>.Fail(RecognizerProblems.Format);
        }

        return Recognized<string>.Success(local + "@" + domain);
    }

    /// <summary>Characters that can be part of an address run; non-ASCII letters are included so that an
    /// internationalized address fails validation instead of being silently cut.</summary>
    private static bool IsAddressChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';

    private static bool SameAddress(string a, string b)
    {
        int atA = a.IndexOf('@');
        int atB = b.IndexOf('@');
        return atA == atB
               && a.AsSpan(0, atA).SequenceEqual(b.AsSpan(0, atB))
               && a.AsSpan(atA).Equals(b.AsSpan(atB), StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsValidLocal(string local)
    {
        if (local.Length is 0 or > MaxLocalLength || local[0] == '.' || local[^1] == '.' || local.Contains(".."))
        {
            return false;
        }

        foreach (char c in local)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Validates a lower-cased domain.</summary>
    private static bool IsValidDomain(string domain)
    {
        if (domain.Length is 0 or > MaxLength)
        {
            return false;
        }

        int labels = 0;
        foreach (Range range in domain.AsSpan().Split('.'))
        {
            ReadOnlySpan<char> label = domain.AsSpan()[range];
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!(c is >= 'a' and <= 'z' || char.IsAsciiDigit(c) || c == '-'))
                {
                    return false;
                }
            }

            labels++;
        }

        ReadOnlySpan<char> topLevel = domain.AsSpan(domain.LastIndexOf('.') + 1);
        return labels >= 2 && topLevel.Length >= 2 && IsAsciiLowerLetters(topLevel);
    }

    private static bool IsAsciiLowerLetters(ReadOnlySpan<char> span)
    {
        foreach (char c in span)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The corrected domain when <paramref name="domain"/> looks like a typo, otherwise null.</summary>
    private static string? Suggest(string domain)
    {
        // Only domain-shaped text is "corrected": "budi@@mail.com" or "budi@.mail.com" are plain format errors.
        if (KnownDomains.Contains(domain) || !IsDomainShaped(domain))
        {
            return null;
        }

        if (ExplicitTypos.TryGetValue(domain, out string? fixedDomain))
        {
            return fixedDomain;
        }

        foreach (string target in TypoTargets)
        {
            if (IsOneEditAway(domain, target))
            {
                return target;
            }
        }

        int lastDot = domain.LastIndexOf('.');
        if (lastDot > 0 && ComTypos.Contains(domain[(lastDot + 1)..]) && IsValidDomain(domain[..lastDot] + ".com"))
        {
            return domain[..lastDot] + ".com";
        }

        return null;
    }

    private static bool IsDomainShaped(string domain)
    {
        if (domain.Length == 0 || domain[0] is '.' or '-')
        {
            return false;
        }

        foreach (char c in domain)
        {
            if (!(c is >= 'a' and <= 'z' || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the strings differ by exactly one insertion, deletion, substitution or swap of adjacent characters.
    /// </summary>
    private static bool IsOneEditAway(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int prefix = 0;
        int shorter = Math.Min(a.Length, b.Length);
        while (prefix < shorter && a[prefix] == b[prefix])
        {
            prefix++;
        }

        ReadOnlySpan<char> restA = a.AsSpan(prefix);
        ReadOnlySpan<char> restB = b.AsSpan(prefix);
        if (a.Length == b.Length)
        {
            if (restA[1..].SequenceEqual(restB[1..]))
            {
                return true; // substitution
            }

            return restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0]
                   && restA[2..].SequenceEqual(restB[2..]); // adjacent swap
        }

        return a.Length > b.Length
            ? restA[1..].SequenceEqual(restB) // deletion from a
            : restA.SequenceEqual(restB[1..]); // insertion into a
    }
}
