using ChatBot.Bot.Flows.Outreach;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Sla;

namespace ChatBot.Bot.OfficerConsole.Outreach;

/// <summary>How the outreach pages write a request's values.</summary>
public static class OutreachView
{
    public static string Status(OutreachStatus status) => OutreachTexts.Indonesian.Statuses[status].Label;

    public static string Institution(OutreachRequest request) =>
        $"{OutreachTexts.Indonesian.Institutions.GetValueOrDefault(request.InstitutionKind, request.InstitutionKind)} — {request.InstitutionName}";

    public static string Topic(OutreachRequest request, OutreachOptions options) => request.Topic switch
    {
        OutreachRules.OtherTopic => $"Lainnya: {request.TopicDetail ?? "—"}",
        var key => options.Topic(key)?.Label ?? key,
    };

    public static string Dates(OutreachRequest request) =>
        OutreachRules.ParseDates(request.PreferredDates) is { Count: > 0 } dates
            ? string.Join("; ", dates.Select(d => d.ToString("ddd, d MMM yyyy", ConsoleText.Indonesian)))
            : request.PreferredDates;

    /// <summary>The key a row's <c>data-timeliness</c> carries, and its badge.</summary>
    public static (string Key, string Label, string Badge) Deadline(Timeliness timeliness) => timeliness switch
    {
        Timeliness.Late => ("late", "Lewat batas", "badge-late"),
        Timeliness.AtRisk => ("at-risk", "Hampir lewat", "badge-warn"),
        Timeliness.OnTime => ("on-time", "Tepat waktu", "badge-ok"),
        _ => ("not-measured", "Tanpa batas waktu", ""),
    };
}
