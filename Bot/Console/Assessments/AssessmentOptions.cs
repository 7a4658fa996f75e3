using ChatBot.Domain;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>Bound from <c>Assessments</c>: the needs checklist, the document limit and the reminders to PKs.</summary>
public sealed class AssessmentOptions : ISettingsRules
{
    public const string Section = "Assessments";

    public const int MaxNeedLength = 60;

    /// <summary>The checklist when <see cref="Needs"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultNeeds =
    [
        "pekerjaan", "pendidikan", "keluarga", "kesehatan", "kesehatan jiwa", "napza", "tempat tinggal", "keuangan",
        "keterampilan", "lingkungan pergaulan", "keagamaan", "hukum",
    ];

    /// <summary>
    /// The needs an assessor may tick (<c>Assessments:Needs:0</c>, <c>:1</c>, …); empty: <see cref="DefaultNeeds"/>.
    /// A configured list replaces the defaults whole. Each is stored as written, so a need removed later still
    /// reads the same on older assessments.
    /// </summary>
    public List<string> Needs { get; set; } = [];

    /// <summary>The largest assessment document (PDF) an officer may upload, in megabytes.</summary>
    [Between(1, 25)]
    public int MaxDocumentMegabytes { get; set; } = 5;

    /// <summary>Reminders are sent from this time of the office's day (not at midnight).</summary>
    public TimeSpan RemindFrom { get; set; } = TimeSpan.FromHours(7);

    /// <summary>How often due assessments are checked for reminders.</summary>
    [Positive]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The console's public address: reminders then link to the client; empty: they name the menu.</summary>
    public string? ConsoleUrl { get; set; }

    public IReadOnlyList<string> Checklist => Needs.Count > 0 ? Needs : DefaultNeeds;

    public long MaxDocumentBytes => MaxDocumentMegabytes * 1024L * 1024L;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Needs.Any(n => string.IsNullOrWhiteSpace(n) || n.Contains(',', StringComparison.Ordinal) || n.Trim().Length > MaxNeedLength))
        {
            problems.Add($"{Section}:{nameof(Needs)}: every need is a word or phrase of at most {MaxNeedLength} characters, without commas.");
        }

        if (Needs.Select(n => n.Trim().ToLowerInvariant()).Distinct().Count() != Needs.Count)
        {
            problems.Add($"{Section}:{nameof(Needs)} names a need twice.");
        }

        if (Checklist.Sum(n => n.Trim().Length + 1) > 1000)
        {
            problems.Add($"{Section}:{nameof(Needs)} is too long to store (1000 characters with the commas between them).");
        }

        if (RemindFrom < TimeSpan.Zero || RemindFrom >= TimeSpan.FromDays(1))
        {
            problems.Add($"{Section}:{nameof(RemindFrom)} is a time of day, e.g. 07:00:00.");
        }

        if (!string.IsNullOrWhiteSpace(ConsoleUrl)
            && !(Uri.TryCreate(ConsoleUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add($"{Section}:{nameof(ConsoleUrl)} must be an absolute http(s) address, e.g. https://layanan.bapas.go.id.");
        }

        return problems;
    }
}
