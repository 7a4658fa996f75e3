namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>
/// Outcome of recognizing one user message. When <see cref="Ok"/> is false, <see cref="Problem"/> holds a short
/// machine code from <see cref="RecognizerProblems"/> that the prompt maps to a helpful hint in the user's language.
/// <see cref="Value"/> is normally <c>default</c> on failure; a recognizer may document that it carries a suggestion
/// instead (for example <see cref="EmailRecognizer"/> with <see cref="RecognizerProblems.Typo"/>).
/// </summary>
public readonly record struct Recognized<T>(bool Ok, T? Value, string? Problem)
{
    public static Recognized<T> Success(T value) => new(true, value, null);

    public static Recognized<T> Fail(string problem) => new(false, default, problem);

    /// <summary>A failure that still carries a value the prompt can offer back to the user.</summary>
    public static Recognized<T> Fail(string problem, T suggestion) => new(false, suggestion, problem);
}

/// <summary>The problem codes recognizers return. Prompts switch on these to choose a hint.</summary>
public static class RecognizerProblems
{
    /// <summary>Nothing usable was typed: null, whitespace or only invisible characters.</summary>
    public const string Empty = "empty";

    /// <summary>Something was typed but it does not look like the expected kind of answer.</summary>
    public const string Format = "format";

    /// <summary>The answer is well formed but outside the allowed range or direction.</summary>
    public const string Range = "range";

    /// <summary>The message contains more than one conflicting answer.</summary>
    public const string Ambiguous = "ambiguous";

    /// <summary>A date-shaped answer that is not a real calendar date (31-02-2026).</summary>
    public const string Invalid = "invalid";

    /// <summary>A phone number or NIK with the wrong number of digits.</summary>
    public const string Length = "length";

    /// <summary>A NIK whose first two digits are not an Indonesian province code.</summary>
    public const string Province = "province";

    /// <summary>A NIK whose embedded birth date (digits 7–12) cannot exist.</summary>
    public const string Birthdate = "birthdate";

    /// <summary>A NIK whose last four digits (the serial) are 0000.</summary>
    public const string Serial = "serial";

    /// <summary>An e-mail address with a likely domain typo; the value holds the suggested address.</summary>
    public const string Typo = "typo";
}
