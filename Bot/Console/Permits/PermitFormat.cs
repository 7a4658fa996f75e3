using ChatBot.Bot.Flows.TravelPermit;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Sla;

namespace ChatBot.Bot.OfficerConsole.Permits;

/// <summary>How the permit pages write a request's state and its whole deadline.</summary>
public static class PermitFormat
{
    public static string Status(TravelPermitStatus status) => PermitTexts.Indonesian.Statuses[status].Label;

    public static string Relationship(string relationship) => PermitTexts.Indonesian.Relationships.GetValueOrDefault(relationship, relationship);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", ConsoleText.Indonesian);

    public static string Trip(TravelPermit permit) => $"{Date(permit.DepartOn)} – {Date(permit.ReturnOn)}";

    /// <summary>The 14-working-day deadline as the list and the detail show it: label, badge, row class, days left.</summary>
    public static Deadline Whole(TravelPermit permit, Office office, WorkingDayCalendar calendar, DateTime nowUtc)
    {
        var timeliness = PermitRules.Timeliness(permit, office, calendar, nowUtc);
        var left = PermitRules.WorkingDaysLeft(permit, office, calendar, nowUtc);
        var closed = PermitRules.IsClosed(permit.Status);
        var (label, badge, row) = (timeliness, closed) switch
        {
            (Timeliness.Late, false) => ("Lewat batas", "badge-late", "row-late"),
            (Timeliness.Late, true) => ("Terlambat", "badge-late", ""),
            (Timeliness.AtRisk, _) => ($"Hampir lewat: sisa {left} hari kerja", "badge-warn", "row-at-risk"),
            (_, true) => ("Tepat waktu", "badge-ok", ""),
            _ => ($"Sisa {left} hari kerja", "badge-ok", ""),
        };
        return new Deadline(PermitRules.DueUtc(permit, office, calendar), timeliness, label, badge, row);
    }

    public sealed record Deadline(DateTime DueUtc, Timeliness Timeliness, string Label, string Badge, string RowClass)
    {
        public string Key => Timeliness switch
        {
            Timeliness.Late => "late",
            Timeliness.AtRisk => "at-risk",
            _ => "on-time",
        };
    }
}
