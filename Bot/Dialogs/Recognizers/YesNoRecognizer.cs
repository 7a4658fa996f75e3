using System.Collections.Frozen;
using System.Text;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>
/// Recognizes a yes/no answer in Indonesian or English, including chat spellings ("iyaa", "gk", "nggak") and the
/// menu digits 1 (= yes) and 2 (= no).
/// </summary>
/// <remarks>
/// <para>The answer is decided by the first meaningful word; leading forms of address and interjections
/// ("kak", "pak", "oh", "halo") are skipped. Letters repeated for emphasis are ignored ("iyaaa", "okee", "sipp").</para>
/// <para>Later words only matter when they contradict: "ya tidak" and "no, ok" are <c>ambiguous</c>,
/// "tidak mau" is no. A yes-verb right after a negation is a no ("tidak setuju", "gak boleh"), and a negation
/// followed by "apa-apa", "papa", "masalah" or "problem" means "that's fine" and counts as yes ("gak papa",
/// "tidak masalah", "no problem").
/// After a no, a trailing "ya"/"iya" is the Indonesian softener ("gak dulu ya") and not a contradiction.
/// "I don't know" ("gak tau", "tidak yakin", "not sure", "no idea") is no answer: <c>format</c>.</para>
/// <para>"batal"/"cancel" is a command handled before prompts: as the first word it is <c>format</c>, later in the
/// message it makes the answer <c>ambiguous</c> so a cancel is never taken as a yes.</para>
/// <para>A message of only emoji is read from thumbs up/down, OK hand and check/cross marks.</para>
/// Problems: <c>empty</c>, <c>format</c>, <c>ambiguous</c>.
/// </remarks>
public static class YesNoRecognizer
{
    private enum Polarity : byte
    {
        None,
        Yes,
        No,
    }

    // Every word list is stored squeezed (repeated letters collapsed) because tokens are squeezed before lookup.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> YesWords = SqueezedSet(
        "ya", "iya", "iyaa", "y", "yes", "ok", "oke", "okay", "okey", "okeh", "oce", "benar", "bener", "betul",
        "setuju", "boleh", "mau", "lanjut", "lanjutkan", "sip", "siap", "baik", "bisa", "gpp", "yup", "yep", "yeah",
        "sure", "correct", "agree", "kirim", "kirimkan", "send", "1");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NoWords = SqueezedSet(
        "tidak", "tdk", "gak", "nggak", "enggak", "engga", "ngga", "ga", "gk", "ndak", "nda", "tak", "kagak", "no",
        "n", "nope", "not", "bukan", "jangan", "tolak", "belum", "blm", "salah", "wrong", "incorrect", "2");

    /// <summary>Words that answer on their own and therefore contradict an opposite first answer.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles = SqueezedSet(
        "ya", "iya", "yes", "ok", "oke", "okay", "okey", "sip", "siap", "setuju", "benar", "bener", "betul", "yup",
        "yep", "yeah", "sure", "correct", "boleh", "tidak", "tdk", "gak", "nggak", "enggak", "engga", "ngga", "ga",
        "gk", "ndak", "nda", "kagak", "no", "nope", "bukan", "salah", "belum", "blm");

    /// <summary>
    /// Pure interjections: a negation before them is a separate answer ("tidak, yes", "no, ok"), not a negated verb.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Interjections = SqueezedSet(
        "ya", "iya", "y", "yes", "ok", "oke", "okay", "okey", "okeh", "oce", "sip", "siap", "yup", "yep", "yeah");

    /// <summary>Indonesian tag particles that soften a sentence and do not answer anything.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Softeners = SqueezedSet("ya", "iya");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Negators = SqueezedSet(
        "tidak", "tdk", "gak", "nggak", "enggak", "engga", "ngga", "ga", "gk", "ndak", "nda", "tak", "kagak", "no",
        "not", "bukan", "belum", "blm", "jangan", "kurang");

    /// <summary>Objects that turn a negation into "no problem".</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Fine = SqueezedSet(
        "apa", "apa2", "papa", "pa", "masalah", "problem", "prob", "worries");

    /// <summary>Objects that turn a negation into "I don't know", which is no answer at all.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Unsure = SqueezedSet(
        "tau", "tahu", "tauk", "tw", "yakin", "ngerti", "mengerti", "paham", "sure", "know", "idea");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Cancel = SqueezedSet(
        "batal", "cancel", "batalkan");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Fillers = SqueezedSet(
        "kak", "kakak", "ka", "pak", "bapak", "bu", "ibu", "mas", "mbak", "mba", "min", "admin", "oh", "eh", "ah",
        "hm", "hmm", "wah", "hi", "hai", "halo", "hallo", "dear", "sir", "maam", "well");

    public static Recognized<bool> Recognize(string text)
    {
        string prepared = RecognizerText.Prepare(text);
        if (prepared.Length == 0)
        {
            return Recognized<bool>.Fail(RecognizerProblems.Empty);
        }

        string folded = RecognizerText.Fold(prepared);
        Range[] tokens = RecognizerText.Tokenize(folded);
        if (tokens.Length == 0)
        {
            return FromEmoji(prepared);
        }

        Span<char> scratch = stackalloc char[32];
        int first = 0;
        while (first < tokens.Length && Fillers.Contains(Squeeze(folded.AsSpan()[tokens[first]], scratch)))
        {
            first++;
        }

        if (first == tokens.Length)
        {
            return Recognized<bool>.Fail(RecognizerProblems.Format);
        }

        Polarity answer = Classify(folded, tokens, first, scratch, out int next, out _);
        if (answer == Polarity.None)
        {
            return Recognized<bool>.Fail(RecognizerProblems.Format);
        }

        for (int i = next; i < tokens.Length;)
        {
            ReadOnlySpan<char> word = Squeeze(folded.AsSpan()[tokens[i]], scratch);
            if (Cancel.Contains(word))
            {
                return Recognized<bool>.Fail(RecognizerProblems.Ambiguous);
            }

            bool softener = Softeners.Contains(word);
            Polarity polarity = Classify(folded, tokens, i, scratch, out int after, out bool isParticle);
            bool contradicts = isParticle && polarity != Polarity.None && polarity != answer
                               && !(answer == Polarity.No && softener);
            if (contradicts)
            {
                return Recognized<bool>.Fail(RecognizerProblems.Ambiguous);
            }

            i = after;
        }

        return Recognized<bool>.Success(answer == Polarity.Yes);
    }

    /// <summary>
    /// Classifies the word at <paramref name="index"/> (and the next one for "gak papa"), telling whether it is an
    /// answer particle that may contradict an earlier answer.
    /// </summary>
    private static Polarity Classify(
        string folded, Range[] tokens, int index, Span<char> scratch, out int next, out bool isParticle)
    {
        ReadOnlySpan<char> word = Squeeze(folded.AsSpan()[tokens[index]], scratch);
        next = index + 1;
        isParticle = Particles.Contains(word);

        if (Negators.Contains(word) && index + 1 < tokens.Length)
        {
            Span<char> scratch2 = stackalloc char[32];
            ReadOnlySpan<char> following = Squeeze(folded.AsSpan()[tokens[index + 1]], scratch2);
            if (Fine.Contains(following))
            {
                next = index + 2;
                isParticle = true;
                return Polarity.Yes;
            }

            if (Unsure.Contains(following))
            {
                next = index + 2;
                isParticle = false;
                return Polarity.None;
            }
        }

        bool negatedBefore = index > 0
                             && Negators.Contains(Squeeze(folded.AsSpan()[tokens[index - 1]], stackalloc char[32]));
        if (YesWords.Contains(word))
        {
            if (negatedBefore && !Interjections.Contains(word) && !IsDigitWord(word))
            {
                return Polarity.No;
            }

            return Polarity.Yes;
        }

        return NoWords.Contains(word) ? Polarity.No : Polarity.None;
    }

    private static bool IsDigitWord(ReadOnlySpan<char> word) => RecognizerText.IsAsciiDigits(word);

    private static Recognized<bool> FromEmoji(string text)
    {
        bool yes = false;
        bool no = false;
        foreach (Rune rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case 0x1F44D: // thumbs up
                case 0x1F44C: // OK hand
                case 0x2705: // check mark button
                case 0x2714: // heavy check mark
                case 0x2611: // ballot box with check
                case 0x1F197: // OK button
                    yes = true;
                    break;
                case 0x1F44E: // thumbs down
                case 0x274C: // cross mark
                case 0x274E: // cross mark button
                case 0x2716: // heavy multiplication x
                case 0x1F6AB: // prohibited
                    no = true;
                    break;
            }
        }

        if (yes == no)
        {
            return Recognized<bool>.Fail(yes ? RecognizerProblems.Ambiguous : RecognizerProblems.Format);
        }

        return Recognized<bool>.Success(yes);
    }

    /// <summary>Collapses runs of the same letter ("iyaaa" → "iya"); words longer than the buffer stay as they are.</summary>
    private static ReadOnlySpan<char> Squeeze(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length)
        {
            return word;
        }

        int length = 0;
        foreach (char c in word)
        {
            if (length == 0 || buffer[length - 1] != c || RecognizerText.IsAsciiDigit(c))
            {
                buffer[length++] = c;
            }
        }

        return buffer[..length];
    }

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SqueezedSet(params string[] words)
    {
        var squeezed = new string[words.Length];
        Span<char> buffer = stackalloc char[32];
        for (int i = 0; i < words.Length; i++)
        {
            squeezed[i] = Squeeze(words[i], buffer).ToString();
        }

        return RecognizerText.SpanSet(squeezed);
    }
}
