using ChatBot.Domain;
using ChatBot.Domain.Abh;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>Bound from <c>Abh</c>: how alerts about ABH requests escalate, and how long their data is kept.</summary>
public sealed class AbhOptions : ISettingsRules
{
    public const string Section = "Abh";

    /// <summary>Minutes a waiting step may go untaken after its alert before the next officer on duty (by rank) is alerted.</summary>
    [Between(1, 720)]
    public int EscalateAfterMinutes { get; set; } = 15;

    /// <summary>Minutes after that escalation before the head of office is alerted.</summary>
    [Between(1, 720)]
    public int HeadAfterMinutes { get; set; } = 15;

    /// <summary>How often waiting requests are checked for alerts and escalations (also checked at once when a request changes).</summary>
    [Positive]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the child's data, the requester's data and the letter are kept after a request closes.</summary>
    [Positive(AllowZero = true)]
    public TimeSpan Retention { get; set; } = AbhRules.DefaultRetention;

    /// <summary>A form never submitted is forgotten after this much silence (its answers live in the conversation's state).</summary>
    [Positive]
    public TimeSpan DraftRetention { get; set; } = TimeSpan.FromDays(7);

    [Positive]
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The console's public address (<c>https://layanan.bapas.go.id</c>): alerts then link to the request; empty: they name the menu.</summary>
    public string? ConsoleUrl { get; set; }

    public TimeSpan EscalateAfter => TimeSpan.FromMinutes(EscalateAfterMinutes);

    public TimeSpan HeadAfter => TimeSpan.FromMinutes(HeadAfterMinutes);

    public IReadOnlyList<string> Problems() =>
        string.IsNullOrWhiteSpace(ConsoleUrl)
        || (Uri.TryCreate(ConsoleUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? []
            : [$"{Section}:{nameof(ConsoleUrl)} must be an absolute http(s) address, e.g. https://layanan.bapas.go.id."];
}
