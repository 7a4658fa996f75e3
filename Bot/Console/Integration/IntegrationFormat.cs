using ChatBot.Bot.Flows.IntegrationInfo;
using ChatBot.Domain.Integration;

namespace ChatBot.Bot.OfficerConsole.Integration;

/// <summary>How the integration pages write statuses, programmes and the SOP standard.</summary>
public static class IntegrationFormat
{
    public static string StatusLabel(IntegrationRequestStatus status) => status switch
    {
        IntegrationRequestStatus.Submitted => "Menunggu verifikasi SDP",
        IntegrationRequestStatus.Verified => "Terverifikasi, menunggu jawaban",
        _ => "Selesai",
    };

    public static string OutcomeLabel(IntegrationOutcome outcome) => outcome switch
    {
        IntegrationOutcome.NotInSdp => "Tidak ada di SDP",
        IntegrationOutcome.Answered => "Informasi dikirim",
        _ => "—",
    };

    public static string Programme(IntegrationProgramme programme) => IntegrationTexts.Indonesian.Programmes[programme];

    public static string Relationship(string relationship) => IntegrationTexts.Indonesian.Relationships.GetValueOrDefault(relationship, relationship);

    public static (string Label, string Badge) Timeliness(IntegrationRequest request, DateTime nowUtc) =>
        IntegrationRules.Timeliness(request, nowUtc) == IntegrationTimeliness.OnTime ? ("Tepat waktu", "badge-ok") : ("Terlambat", "badge-warn");
}
