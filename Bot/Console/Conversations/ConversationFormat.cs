using System.Globalization;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.Logging;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary>How the conversation pages write channels, addresses, times and delivery states.</summary>
public static class ConversationFormat
{
    public static string ChannelLabel(ChannelKind channel) => channel switch
    {
        ChannelKind.WhatsApp => "WhatsApp",
        ChannelKind.Email => "Email",
        _ => "Simulator",
    };

    /// <summary>Lists show a masked number or address; the full one is on the audited transcript page.</summary>
    public static string MaskedAddress(ChannelKind channel, string address) =>
        channel == ChannelKind.Email ? PersonalDataMasker.Mask(address) : PhoneRecognizer.Mask(address);

    public static string LocalTime(Office? office, DateTime utc)
    {
        var local = office?.ToLocal(utc) ?? utc;
        var zone = office is null ? "UTC" : OfficeTimeZones.Abbreviation(office.TimeZoneId);
        return local.ToString("dd-MM-yyyy HH.mm", CultureInfo.InvariantCulture) + " " + zone;
    }

    /// <summary>Indonesian label and badge style of a delivery status.</summary>
    public static (string Label, string Badge) Delivery(OutboundStatus status) => status switch
    {
        OutboundStatus.Queued => ("Dalam antrean", "badge-muted"),
        OutboundStatus.NeedsTemplate => ("Perlu templat", "badge-warn"),
        OutboundStatus.Sent => ("Terkirim", "badge-ok"),
        OutboundStatus.Delivered => ("Diterima", "badge-ok"),
        OutboundStatus.Read => ("Dibaca", "badge-ok"),
        _ => ("Gagal", "badge-warn"),
    };

    public static string Author(OutboundKind? kind) => kind == OutboundKind.Officer ? "Petugas" : "Bot";
}
