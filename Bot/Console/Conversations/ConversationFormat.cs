using System.Globalization;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.Logging;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary>How the conversation pages write channels, addresses, times and delivery states.</summary>
public static partial class ConversationFormat
{
    /// <summary>
    /// A message body as WhatsApp shows it: <c>*bold*</c>, <c>_italic_</c> and <c>~struck~</c>, over text
    /// that is HTML-encoded first, so nothing a person typed becomes markup.
    /// </summary>
    public static Microsoft.AspNetCore.Html.HtmlString WhatsAppHtml(string body)
    {
        var html = System.Net.WebUtility.HtmlEncode(body);
        html = Bold().Replace(html, "<strong>$1</strong>");
        html = Italic().Replace(html, "<em>$1</em>");
        return new(Struck().Replace(html, "<s>$1</s>"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")]
    private static partial System.Text.RegularExpressions.Regex Bold();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])")]
    private static partial System.Text.RegularExpressions.Regex Italic();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w~])~(?=\S)([^~\n]*?\S)~(?![\w~])")]
    private static partial System.Text.RegularExpressions.Regex Struck();

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
