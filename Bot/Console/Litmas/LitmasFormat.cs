using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Domain.Litmas;

namespace ChatBot.Bot.OfficerConsole.Litmas;

/// <summary>How the litmas pages write stages and the SOP standard.</summary>
public static class LitmasFormat
{
    /// <summary>The stage's plain Indonesian name (the same words the bot tells the public).</summary>
    public static string StageLabel(LitmasStage stage) => LitmasTexts.Indonesian.Stages[stage].Label;

    public static (string Label, string Badge) Timeliness(LitmasCase c) => LitmasStandard.Timeliness(c) switch
    {
        Domain.Sla.Timeliness.OnTime => ("Tepat waktu", "badge-ok"),
        Domain.Sla.Timeliness.Late => ("Terlambat", "badge-warn"),
        _ => ("Tidak diukur", "badge-muted"),
    };
}
