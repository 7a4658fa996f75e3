using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>Recognizes which of a prompt's <see cref="Choice"/>s the user picked.</summary>
/// <remarks>
/// Matching is case-, diacritics- and punctuation-insensitive and runs in this order; the first step that decides
/// wins:
/// <list type="number">
/// <item>The menu number, alone or with a prefix and filler words: "2", "2.", "(2)", "#2", "2️⃣", "no 2",
/// "nomor 2", "pilih 2", "yang kedua", "pilih dua". Outside 1..N gives <c>range</c>. Menus show numbers, so a bare
/// number always means the position, even when a choice's <see cref="Choice.Value"/> is itself a number.</item>
/// <item>The whole message equals a choice's Label, Value or one of its Synonyms.</item>
/// <item>Word overlap with each choice's Label and Synonyms, ignoring stop-words ("saya mau kunjungan video").
/// The choice sharing the most words wins; on a tie the one with fewer of its own words left unmatched wins
/// ("kunjungan" picks "Kunjungan" over "Kunjungan video"); still tied is <c>ambiguous</c>.
/// When the message also holds exactly one number in 1..N, that number decides ("2 saja", "kunjungan 2" breaks a
/// tie), unless the words clearly point at a different choice ("2 titip barang" when 2 is not "Titip barang"),
/// which is <c>ambiguous</c>.</item>
/// </list>
/// No match gives <c>format</c>, or <c>range</c> when the message held only an out-of-range number.
/// Problems: <c>empty</c>, <c>format</c>, <c>range</c>, <c>ambiguous</c>.
/// </remarks>
public static class ChoiceRecognizer
{
    /// <summary>Words that introduce a menu number.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberPrefixes = RecognizerText.SpanSet(
        "no", "nomor", "nomer", "nmr", "pilih", "pilihan", "opsi", "angka", "menu", "option", "number", "choice",
        "choose", "pick", "nr", "num");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = RecognizerText.SpanSet(
        // Indonesian
        "dan", "atau", "yang", "yg", "di", "ke", "dari", "untuk", "utk", "saya", "sy", "aku", "mau", "ingin", "pengen",
        "saja", "aja", "dong", "deh", "kak", "kakak", "pak", "bu", "mas", "mbak", "min", "tolong", "mohon",
        "itu", "ini", "nya",
        // English
        "the", "a", "an", "i", "want", "to", "for", "of", "my", "me", "please", "would", "like", "id", "is", "it");

    public static Recognized<Choice> Recognize(string text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            throw new ArgumentException("A choice prompt needs at least one choice.", nameof(choices));
        }

        string prepared = RecognizerText.Prepare(text);
        if (prepared.Length == 0)
        {
            return Recognized<Choice>.Fail(RecognizerProblems.Empty);
        }

        string folded = RecognizerText.Fold(prepared);
        if (folded.Length == 0)
        {
            return Recognized<Choice>.Fail(RecognizerProblems.Format);
        }

        Range[] tokens = RecognizerText.Tokenize(folded);

        if (TryPureNumber(folded, tokens, out long number))
        {
            return number >= 1 && number <= choices.Count
                ? Recognized<Choice>.Success(choices[(int)number - 1])
                : Recognized<Choice>.Fail(RecognizerProblems.Range);
        }

        Recognized<Choice>? exact = MatchWhole(folded, choices);
        if (exact.HasValue)
        {
            return exact.Value;
        }

        return MatchWords(folded, tokens, choices);
    }

    /// <summary>The message minus prefixes and stop-words is exactly one number (digits, words or an ordinal).</summary>
    private static bool TryPureNumber(string folded, Range[] tokens, out long number)
    {
        number = 0;
        int first = -1;
        int count = 0;
        bool allNumberish = true;
        for (int i = 0; i < tokens.Length; i++)
        {
            ReadOnlySpan<char> token = folded.AsSpan()[tokens[i]];
            if (NumberPrefixes.Contains(token) || StopWords.Contains(token))
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
            }

            count++;
            allNumberish &= RecognizerText.IsAsciiDigits(token) || NumberWords.IsNumberWord(token)
                            || NumberWords.TryGetOrdinal(token, out _);
        }

        if (count == 0 || !allNumberish)
        {
            return false;
        }

        ReadOnlySpan<char> head = folded.AsSpan()[tokens[first]];
        if (count == 1 && RecognizerText.IsAsciiDigits(head))
        {
            // Anything too long for a menu position is simply out of range.
            number = head.Length > 9 ? long.MaxValue : long.Parse(head, CultureInfo.InvariantCulture);
            return true;
        }

        if (count == 1 && NumberWords.TryGetOrdinal(head, out int ordinal))
        {
            number = ordinal;
            return true;
        }

        // Spelled numbers: every remaining word must belong to a single number ("dua puluh").
        int index = first;
        if (!NumberWords.TryParse(folded, tokens, ref index, out number))
        {
            return false;
        }

        for (int i = index; i < tokens.Length; i++)
        {
            ReadOnlySpan<char> token = folded.AsSpan()[tokens[i]];
            if (!NumberPrefixes.Contains(token) && !StopWords.Contains(token))
            {
                return false;
            }
        }

        return true;
    }

    private static Recognized<Choice>? MatchWhole(string folded, IReadOnlyList<Choice> choices)
    {
        Choice? match = null;
        for (int c = 0; c < choices.Count; c++)
        {
            Choice choice = choices[c];
            if (!WholeMatches(folded, choice))
            {
                continue;
            }

            if (match is not null && !ReferenceEquals(match, choice))
            {
                return Recognized<Choice>.Fail(RecognizerProblems.Ambiguous);
            }

            match = choice;
        }

        return match is null ? null : Recognized<Choice>.Success(match);
    }

    private static bool WholeMatches(string folded, Choice choice)
    {
        FoldedChoice prepared = FoldedChoice.Of(choice);
        if (string.Equals(folded, prepared.Value, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (FoldedPhrase phrase in prepared.Phrases)
        {
            if (string.Equals(folded, phrase.Text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static Recognized<Choice> MatchWords(string folded, Range[] tokens, IReadOnlyList<Choice> choices)
    {
        // A single digit token in a longer message votes for that menu position.
        int digitTokens = 0;
        long digitValue = 0;
        foreach (Range range in tokens)
        {
            ReadOnlySpan<char> token = folded.AsSpan()[range];
            if (RecognizerText.IsAsciiDigits(token))
            {
                digitTokens++;
                digitValue = token.Length > 9 ? long.MaxValue : long.Parse(token, CultureInfo.InvariantCulture);
            }
        }

        int votedIndex = digitTokens == 1 && digitValue >= 1 && digitValue <= choices.Count ? (int)digitValue - 1 : -1;

        Score best = Score.None;
        Score voted = Score.None;
        int bestIndex = -1;
        bool tie = false;
        for (int c = 0; c < choices.Count; c++)
        {
            Score score = ScoreChoice(folded, tokens, choices[c]);
            if (c == votedIndex)
            {
                voted = score;
            }

            if (score.Matched == 0)
            {
                continue;
            }

            if (score.BetterThan(best))
            {
                (best, bestIndex, tie) = (score, c, false);
            }
            else if (score == best)
            {
                tie = true;
            }
        }

        if (votedIndex >= 0)
        {
            // The number decides unless the words clearly point at another choice.
            bool wordsAgree = bestIndex < 0 || bestIndex == votedIndex || voted == best;
            return wordsAgree
                ? Recognized<Choice>.Success(choices[votedIndex])
                : Recognized<Choice>.Fail(RecognizerProblems.Ambiguous);
        }

        if (bestIndex < 0)
        {
            return Recognized<Choice>.Fail(digitTokens == 1 ? RecognizerProblems.Range : RecognizerProblems.Format);
        }

        return tie
            ? Recognized<Choice>.Fail(RecognizerProblems.Ambiguous)
            : Recognized<Choice>.Success(choices[bestIndex]);
    }

    /// <summary>The best of the choice's Label and Synonyms.</summary>
    private static Score ScoreChoice(string folded, Range[] tokens, Choice choice)
    {
        Score best = Score.None;
        foreach (FoldedPhrase phrase in FoldedChoice.Of(choice).Phrases)
        {
            int matched = 0;
            foreach (string word in phrase.ContentWords)
            {
                if (Contains(folded, tokens, word))
                {
                    matched++;
                }
            }

            var score = new Score(matched, phrase.ContentWords.Length - matched);
            if (score.BetterThan(best))
            {
                best = score;
            }
        }

        return best;
    }

    /// <summary>Shared content words, then fewer of the phrase's own words left unmatched.</summary>
    private readonly record struct Score(int Matched, int Unmatched)
    {
        public static readonly Score None = new(0, int.MaxValue);

        public bool BetterThan(Score other) =>
            Matched > other.Matched || (Matched == other.Matched && Unmatched < other.Unmatched);
    }

    /// <summary>A label or synonym folded once: the whole text and its distinct non-stop-words.</summary>
    private sealed record FoldedPhrase(string Text, string[] ContentWords);

    /// <summary>
    /// A choice folded for matching. Choices are usually static per prompt, so the folded form is cached per
    /// instance (weakly, so it goes away with the choice); a choice whose synonym list is mutated after first use
    /// keeps matching its original synonyms.
    /// </summary>
    private sealed class FoldedChoice
    {
        private static readonly ConditionalWeakTable<Choice, FoldedChoice> Cache = new();

        private FoldedChoice(Choice choice)
        {
            Value = FoldOrNull(choice.Value);
            var phrases = new List<FoldedPhrase>(1 + (choice.Synonyms?.Count ?? 0));
            AddPhrase(phrases, choice.Label);
            if (choice.Synonyms is { } synonyms)
            {
                foreach (string synonym in synonyms)
                {
                    AddPhrase(phrases, synonym);
                }
            }

            Phrases = [.. phrases];
        }

        public string? Value { get; }

        /// <summary>The label first, then the synonyms.</summary>
        public FoldedPhrase[] Phrases { get; }

        public static FoldedChoice Of(Choice choice) => Cache.GetValue(choice, static c => new FoldedChoice(c));

        private static string? FoldOrNull(string? text)
        {
            string folded = RecognizerText.Fold(RecognizerText.Prepare(text));
            return folded.Length == 0 ? null : folded;
        }

        private static void AddPhrase(List<FoldedPhrase> phrases, string? text)
        {
            string? folded = FoldOrNull(text);
            if (folded is null)
            {
                return;
            }

            var words = new List<string>();
            foreach (Range range in RecognizerText.Tokenize(folded))
            {
                ReadOnlySpan<char> word = folded.AsSpan()[range];
                if (!StopWords.Contains(word) && !NumberPrefixes.Contains(word) && !words.Contains(word.ToString()))
                {
                    words.Add(word.ToString());
                }
            }

            phrases.Add(new FoldedPhrase(folded, [.. words]));
        }
    }

    private static bool Contains(string folded, Range[] tokens, ReadOnlySpan<char> word)
    {
        foreach (Range range in tokens)
        {
            if (word.SequenceEqual(folded.AsSpan()[range]))
            {
                return true;
            }
        }

        return false;
    }
}
