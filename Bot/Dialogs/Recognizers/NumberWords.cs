using System.Collections.Frozen;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>
/// Parses spelled-out whole numbers in Indonesian ("dua puluh lima", "seribu lima ratus") and English
/// ("twenty five", "one hundred and five") from folded word tokens, up to the billions.
/// </summary>
internal static class NumberWords
{
    private enum Kind : byte
    {
        None,
        Zero,
        Unit, // 1–9
        Teen, // a full word for 10–19
        Tens, // a full word for 20, 30, ... 90
        Belas, // "dua belas" = 12
        Puluh, // "dua puluh" = 20
        Ratus, // "dua ratus" = 200
        Hundred, // "two hundred" = 200
        Seratus, // 100 on its own
        Scale, // ribu, juta, thousand, million, ...
        SeScale, // seribu, sejuta: "one thousand" in one word
        And,
    }

    private readonly record struct Word(Kind Kind, int Value);

    private static readonly FrozenDictionary<string, Word>.AlternateLookup<ReadOnlySpan<char>> Words =
        RecognizerText.SpanMap(BuildWords());

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Ordinals =
        RecognizerText.SpanMap(new Dictionary<string, int>
        {
            ["pertama"] = 1, ["kesatu"] = 1, ["kedua"] = 2, ["ketiga"] = 3, ["keempat"] = 4, ["kelima"] = 5,
            ["keenam"] = 6, ["ketujuh"] = 7, ["kedelapan"] = 8, ["kesembilan"] = 9, ["kesepuluh"] = 10,
            ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6,
            ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10,
        });

    /// <summary>True when the token can start or continue a spelled number (used to skip it elsewhere).</summary>
    internal static bool IsNumberWord(ReadOnlySpan<char> token) => Words.ContainsKey(token);

    internal static bool TryGetOrdinal(ReadOnlySpan<char> token, out int value) => Ordinals.TryGetValue(token, out value);

    /// <summary>
    /// Parses the longest spelled number starting at <paramref name="index"/>. On success <paramref name="index"/>
    /// moves past the consumed words. Two numbers in a row ("dua tiga") are two separate parses.
    /// </summary>
    internal static bool TryParse(string folded, Range[] tokens, ref int index, out long value)
    {
        value = 0;
        int i = index;
        if (Get(folded, tokens, i).Kind == Kind.Zero)
        {
            index = i + 1;
            return true;
        }

        long total = 0;
        long lastScale = long.MaxValue;
        bool any = false;
        while (true)
        {
            Word word = Get(folded, tokens, i);
            if (word.Kind == Kind.SeScale && word.Value < lastScale)
            {
                total += word.Value;
                lastScale = word.Value;
                any = true;
                i++;
                continue;
            }

            int groupStart = i;
            if (!TryParseGroup(folded, tokens, ref i, out int group))
            {
                break;
            }

            Word next = Get(folded, tokens, i);
            if (next.Kind == Kind.Scale)
            {
                if (next.Value >= lastScale)
                {
                    i = groupStart; // "dua ribu tiga juta": the second part is a new number
                    break;
                }

                total += (long)group * next.Value;
                lastScale = next.Value;
                any = true;
                i++;
                continue;
            }

            total += group;
            any = true;
            break;
        }

        if (!any)
        {
            return false;
        }

        index = i;
        value = total;
        return true;
    }

    /// <summary>A group below one thousand: [hundreds] [below hundred].</summary>
    private static bool TryParseGroup(string folded, Range[] tokens, ref int index, out int group)
    {
        group = 0;
        int i = index;
        int hundreds = 0;
        Word word = Get(folded, tokens, i);
        Kind following = Get(folded, tokens, i + 1).Kind;
        if (word.Kind == Kind.Seratus)
        {
            hundreds = 100;
            i++;
        }
        else if (word.Kind == Kind.Unit && (following == Kind.Hundred || (following == Kind.Ratus && word.Value >= 2)))
        {
            hundreds = word.Value * 100;
            i += 2;
        }

        if (hundreds > 0 && Get(folded, tokens, i).Kind == Kind.And)
        {
            int afterAnd = i + 1;
            if (TryParseBelowHundred(folded, tokens, ref afterAnd, out int rest))
            {
                group = hundreds + rest;
                index = afterAnd;
                return true;
            }
        }

        int j = i;
        if (TryParseBelowHundred(folded, tokens, ref j, out int below))
        {
            group = hundreds + below;
            index = j;
            return true;
        }

        if (hundreds > 0)
        {
            group = hundreds;
            index = i;
            return true;
        }

        return false;
    }

    private static bool TryParseBelowHundred(string folded, Range[] tokens, ref int index, out int value)
    {
        value = 0;
        Word word = Get(folded, tokens, index);
        Word next = Get(folded, tokens, index + 1);
        switch (word.Kind)
        {
            case Kind.Teen:
                value = word.Value;
                index++;
                return true;
            case Kind.Tens:
                value = word.Value;
                index++;
                if (next.Kind == Kind.Unit)
                {
                    value += next.Value;
                    index++;
                }

                return true;
            case Kind.Unit when next.Kind == Kind.Belas:
                value = 10 + word.Value;
                index += 2;
                return true;
            case Kind.Unit when next.Kind == Kind.Puluh && word.Value >= 2:
                value = word.Value * 10;
                index += 2;
                Word unit = Get(folded, tokens, index);
                if (unit.Kind == Kind.Unit)
                {
                    value += unit.Value;
                    index++;
                }

                return true;
            case Kind.Unit:
                value = word.Value;
                index++;
                return true;
            default:
                return false;
        }
    }

    private static Word Get(string folded, Range[] tokens, int index) =>
        index < tokens.Length && Words.TryGetValue(folded.AsSpan()[tokens[index]], out Word word) ? word : default;

    private static Dictionary<string, Word> BuildWords()
    {
        var words = new Dictionary<string, Word>(StringComparer.Ordinal)
        {
            ["nol"] = new(Kind.Zero, 0),
            ["zero"] = new(Kind.Zero, 0),
            ["belas"] = new(Kind.Belas, 0),
            ["puluh"] = new(Kind.Puluh, 0),
            ["ratus"] = new(Kind.Ratus, 0),
            ["hundred"] = new(Kind.Hundred, 0),
            ["seratus"] = new(Kind.Seratus, 100),
            ["ribu"] = new(Kind.Scale, 1_000),
            ["thousand"] = new(Kind.Scale, 1_000),
            ["juta"] = new(Kind.Scale, 1_000_000),
            ["million"] = new(Kind.Scale, 1_000_000),
            ["miliar"] = new(Kind.Scale, 1_000_000_000),
            ["milyar"] = new(Kind.Scale, 1_000_000_000),
            ["billion"] = new(Kind.Scale, 1_000_000_000),
            ["seribu"] = new(Kind.SeScale, 1_000),
            ["sejuta"] = new(Kind.SeScale, 1_000_000),
            ["semiliar"] = new(Kind.SeScale, 1_000_000_000),
            ["semilyar"] = new(Kind.SeScale, 1_000_000_000),
            ["and"] = new(Kind.And, 0),
            ["sepuluh"] = new(Kind.Teen, 10),
            ["sebelas"] = new(Kind.Teen, 11),
        };

        string[] indonesianUnits = ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
        string[] englishUnits = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
        for (int i = 0; i < 9; i++)
        {
            words[indonesianUnits[i]] = new(Kind.Unit, i + 1);
            words[englishUnits[i]] = new(Kind.Unit, i + 1);
        }

        string[] englishTeens =
            ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int i = 0; i < englishTeens.Length; i++)
        {
            words[englishTeens[i]] = new(Kind.Teen, 10 + i);
        }

        string[] englishTens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int i = 0; i < englishTens.Length; i++)
        {
            words[englishTens[i]] = new(Kind.Tens, (i + 2) * 10);
        }

        return words;
    }
}
