using ChatBot.Bot.Dialogs;
using System.Globalization;
using System.Text.Json;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.Flows.VisitBooking;

/// <summary>
/// Messages the service sends a family on its own (reminder, call starting, cancelled by an
/// officer): proactive outbox rows with a topic, so WhatsApp can use a template outside the
/// 24-hour window; the template variables travel in the payload.
/// </summary>
public static class VisitNotices
{
    public const string ReminderTopic = "visit-reminder";

    public const string CalledTopic = "visit-called";

    public const string CancelledTopic = "visit-cancelled";

    /// <summary>Adds the message to <paramref name="db"/> (saved with the caller's changes).</summary>
    public static void Queue(ChatBotDb db, Conversation conversation, Office office, Visit visit, string topic, string body, DateTime nowUtc)
    {
        var local = office.ToLocal(visit.SlotStart);
        var payload = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["code"] = visit.Code,
            ["date"] = local.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            ["time"] = $"{local:HH\\.mm} {OfficeTimeZones.Abbreviation(office.TimeZoneId)}",
            ["queue"] = visit.QueueNumber.ToString(CultureInfo.InvariantCulture),
        });
        db.OutboundMessages.Add(OutboundMessage.Queued(conversation, body, OutboundKind.Proactive, nowUtc, topic, payload, DialogEngine.FlowOf(VisitBookingDialog.DialogId)));
    }

    public static string When(Office office, Visit visit, string language) =>
        VisitTexts.For(language).When(office.ToLocal(visit.SlotStart), OfficeTimeZones.Abbreviation(office.TimeZoneId));
}
