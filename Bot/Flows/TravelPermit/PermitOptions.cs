using ChatBot.Domain;
using ChatBot.Domain.Permits;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>Bound from <c>Permits</c>.</summary>
public sealed class PermitOptions : ISettingsRules
{
    public const string Section = "Permits";

    /// <summary>The longest trip a client may ask leave for, in days from departure to return.</summary>
    [Between(1, 366)]
    public int MaxDays { get; set; } = PermitRules.DefaultMaxDays;

    /// <summary>How letters are numbered (see <see cref="LetterNumberPattern"/>); the sequence restarts each year at each office.</summary>
    public string LetterNumberPattern { get; set; } = "W.{seq:000}/PK/{month:roman}/{year}";

    /// <summary>How long the signed request's scan, the letter file and the personal fields are kept after a request closes.</summary>
    [Positive(AllowZero = true)]
    public TimeSpan Retention { get; set; } = PermitRules.DefaultRetention;

    /// <summary>A form never submitted is forgotten after this much silence (its answers live in the conversation's state).</summary>
    [Positive]
    public TimeSpan DraftRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often closed requests are checked against <see cref="Retention"/>.</summary>
    [Positive]
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Verification page lookups one address may make per minute.</summary>
    [Between(1, 10_000)]
    public int VerificationsPerMinute { get; set; } = 30;

    /// <summary>A TrueType font for letters (regular); empty: the DejaVu Sans shipped with the service.</summary>
    public string FontPath { get; set; } = "";

    /// <summary>Its bold face; empty: the shipped one.</summary>
    public string BoldFontPath { get; set; } = "";

    public LetterNumberPattern Pattern() => Domain.Permits.LetterNumberPattern.Parse(LetterNumberPattern);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Domain.Permits.LetterNumberPattern.Problem(LetterNumberPattern) is { } problem)
        {
            problems.Add($"{Section}:LetterNumberPattern: {problem}");
        }

        foreach (var (name, path) in new[] { (nameof(FontPath), FontPath), (nameof(BoldFontPath), BoldFontPath) })
        {
            if (path.Length > 0 && !File.Exists(path))
            {
                problems.Add($"{Section}:{name}: no font file at {path}.");
            }
        }

        return problems;
    }
}
