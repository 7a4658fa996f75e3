using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Complaints;

/// <summary>Bound from <c>Complaints</c>: the SOP's deadlines, in working days.</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>The head of office reviews (verifies) a complaint within this many working days.</summary>
    public int VerificationWorkingDays { get; set; } = 3;

    /// <summary>The complainant gets the official answer within this many working days.</summary>
    public int AnswerWorkingDays { get; set; } = 14;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (VerificationWorkingDays is < 1 or > 60)
        {
            problems.Add("Complaints:VerificationWorkingDays must be between 1 and 60.");
        }

        if (AnswerWorkingDays < VerificationWorkingDays || AnswerWorkingDays > 120)
        {
            problems.Add("Complaints:AnswerWorkingDays must be at least the verification days and at most 120.");
        }

        return problems;
    }
}

/// <summary>Ticket codes and deadlines of complaints.</summary>
public static partial class ComplaintRules
{
    public const string CodePrefix = "ADU-";

    public const int CodeLength = 10;

    /// <summary>No 0/O, 1/I/L: codes are read aloud and typed on phones.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A new random code (not guessable from another complaint's code).</summary>
    public static string NewCode()
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return CodePrefix + new string(chars);
    }

    /// <summary>The first complaint code in <paramref name="text"/> ("status pengaduan adu 7k3p9q" too), upper case; null when none.</summary>
    public static string? FindCode(string text)
    {
        var match = CodePattern().Match(text);
        return match.Success ? CodePrefix + match.Groups[1].Value.ToUpperInvariant() : null;
    }

    /// <summary>The review and answer deadlines of a complaint received on <paramref name="receivedLocalDate"/>.</summary>
    public static (DateOnly Verification, DateOnly Answer) Deadlines(WorkingDayCalendar calendar, ComplaintOptions options, DateOnly receivedLocalDate) =>
        (calendar.AddWorkingDays(receivedLocalDate, options.VerificationWorkingDays), calendar.AddWorkingDays(receivedLocalDate, options.AnswerWorkingDays));

    [GeneratedRegex(@"\bADU[\s\-_.:]*([2-9A-HJKMNP-Z]{6})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
