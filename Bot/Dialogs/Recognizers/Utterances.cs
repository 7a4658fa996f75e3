using System.Text.RegularExpressions;

namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>What a message is, whatever was asked: a question back, a pleasantry, something that cannot be a name.</summary>
public static partial class Utterances
{
    private static readonly string[] SignOffs = ["terima kasih", "terimakasih", "makasih", "makasi", "trims", "thx", "thank you", "thanks", "salam hormat", "hormat saya", "wassalam", "regards", "best regards"];

    /// <summary>
    /// A question asked back at a prompt ("penjamin itu apa ya?", "kok gak ketemu", "maksudnya?"):
    /// a question mark, or a question word of everyday Indonesian (with its chat spellings) or English.
    /// </summary>
    public static bool IsQuestion(string text) =>
        text.Contains('?', StringComparison.Ordinal) || QuestionWord().IsMatch(text);

    /// <summary>A greeting, a thanks or a sign-off on its own ("Selamat pagi,", "makasih pak").</summary>
    public static bool IsPleasantry(string text)
    {
        var bare = text.TrimEnd(',', '.', '!', ' ').ToLowerInvariant();
        return InterruptionRouter.Recognize(bare) == Command.Greeting
            || (bare.Length <= 40 && SignOffs.Any(phrase => bare == phrase || bare.StartsWith(phrase + " ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Whether <paramref name="text"/> can be a person's name: not a thanks, greeting, yes or no, and
    /// at least two letters. Digits are allowed (a registration number given instead of a name).
    /// </summary>
    public static bool CanBeName(string text) =>
        text.Count(char.IsLetter) >= 2
        && !IsPleasantry(text)
        && !YesNoRecognizer.Recognize(text).Ok;

    private static readonly string[] SkipWords = ["-", "--", "lewati", "skip", "none"];

    /// <summary>
    /// "I have none" to an optional question: a no (<c>tidak ada</c>, <c>gak punya email</c>, as the yes/no
    /// recognizer reads it) or a skip (<c>lewati</c>, <c>-</c>).
    /// </summary>
    public static bool DeclinesToAnswer(string text) =>
        SkipWords.Contains(text.Trim().TrimEnd('.', '!').ToLowerInvariant()) || YesNoRecognizer.Recognize(text) is { Ok: true, Value: false };

    [GeneratedRegex(@"(^|[^\p{L}])(apa|apakah|apaan|siapa|bagaimana|gimana|gmn|kenapa|knp|mengapa|kok|maksudnya|maksud|kapan|dimana|di mana|mana|berapa|brp|bisakah|bolehkah|what|who|how|why|when|where)([^\p{L}]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionWord();
}
