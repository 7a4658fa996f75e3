using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Channels.Inbox;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;

namespace ChatBot.Channels.WhatsApp;

/// <summary>A media item Twilio announced in a webhook; fetch it with <see cref="TwilioMediaFetcher"/>.</summary>
public sealed record WhatsAppMedia(string Url, string ContentType);

/// <summary>An incoming WhatsApp message as Twilio's webhook described it.</summary>
/// <param name="MessageSid">Twilio's id (<c>SM…</c>/<c>MM…</c>): unique per message, the inbox's provider id.</param>
/// <param name="AccountSid">The account the message was sent to.</param>
/// <param name="From">The sender, E.164 (<c>+62…</c>), without <c>whatsapp:</c>.</param>
/// <param name="To">Our number exactly as Twilio sent it (<c>whatsapp:+1415…</c>).</param>
/// <param name="Text">
/// What the person said: the body; for a button reply with no body, the button's payload (else its
/// text); for a shared location with no body, <c>Lokasi: lat, long</c>. Null when there is none.
/// </param>
/// <param name="Payload">Every form field Twilio sent, plus a <c>media</c> array, as JSON.</param>
public sealed record WhatsAppInboundMessage(
    string MessageSid,
    string? AccountSid,
    string From,
    string To,
    string? Text,
    string? Body,
    string? ProfileName,
    string? WaId,
    IReadOnlyList<WhatsAppMedia> Media,
    string? ButtonText,
    string? ButtonPayload,
    double? Latitude,
    double? Longitude,
    string? OriginalRepliedMessageSid,
    string Payload)
{
    /// <summary>What the inbox stores. Attachments are fetched later (the webhook must answer at once).</summary>
    public InboundEnvelope ToEnvelope() => new(
        ChannelKind.WhatsApp,
        MessageSid,
        From,
        To,
        Text,
        SenderName: ProfileName,
        Attachments: null,
        Payload: Payload,
        AwaitsMedia: Media.Count > 0);
}

/// <summary>Reads Twilio's WhatsApp webhook form (incoming messages and status callbacks).</summary>
public static class WhatsAppInbound
{
    /// <summary>Media items beyond this index are ignored (Twilio sends at most 10).</summary>
    public const int MaxMedia = 20;

    /// <summary>The key of the media array in <see cref="WhatsAppInboundMessage.Payload"/>.</summary>
    public const string MediaKey = "media";

    /// <summary>
    /// Reads an incoming-message webhook. Fails (with a reason for the log, never containing the
    /// message's content) when the fields every message has (MessageSid, From, To) are missing.
    /// Field names are matched exactly, as Twilio writes them.
    /// </summary>
    public static bool TryParse(
        IEnumerable<KeyValuePair<string, string>> form,
        out WhatsAppInboundMessage message,
        out string problem)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = form.ToList();
        var first = First(fields);
        message = null!;

        var sid = NonEmpty(first, "MessageSid") ?? NonEmpty(first, "SmsMessageSid") ?? NonEmpty(first, "SmsSid");
        if (sid is null)
        {
            problem = "MessageSid is missing";
            return false;
        }

        var from = WhatsAppAddress.Normalize(NonEmpty(first, "From"));
        if (from is null)
        {
            problem = "From is missing";
            return false;
        }

        var to = NonEmpty(first, "To");
        if (to is null)
        {
            problem = "To is missing";
            return false;
        }

        var media = new List<WhatsAppMedia>();
        for (var i = 0; i < MaxMedia; i++)
        {
            var url = NonEmpty(first, "MediaUrl" + i.ToString(CultureInfo.InvariantCulture));
            if (url is null)
            {
                continue;
            }

            var type = NonEmpty(first, "MediaContentType" + i.ToString(CultureInfo.InvariantCulture)) ?? "application/octet-stream";
            media.Add(new WhatsAppMedia(url, type));
        }

        var body = NonEmpty(first, "Body");
        var buttonText = NonEmpty(first, "ButtonText");
        var buttonPayload = NonEmpty(first, "ButtonPayload");
        var latitude = Number(first, "Latitude");
        var longitude = Number(first, "Longitude");
        var text = body;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = buttonPayload ?? buttonText;
        }

        if (string.IsNullOrWhiteSpace(text) && latitude is not null && longitude is not null)
        {
            text = string.Create(CultureInfo.InvariantCulture, $"Lokasi: {latitude.Value}, {longitude.Value}");
        }

        message = new WhatsAppInboundMessage(
            MessageSid: sid,
            AccountSid: NonEmpty(first, "AccountSid"),
            From: from,
            To: to,
            Text: string.IsNullOrWhiteSpace(text) ? null : text,
            Body: body,
            ProfileName: NonEmpty(first, "ProfileName"),
            WaId: NonEmpty(first, "WaId"),
            Media: media,
            ButtonText: buttonText,
            ButtonPayload: buttonPayload,
            Latitude: latitude,
            Longitude: longitude,
            OriginalRepliedMessageSid: NonEmpty(first, "OriginalRepliedMessageSid"),
            Payload: ToPayload(fields, media));
        problem = "";
        return true;
    }

    /// <summary>
    /// The payload JSON: one property per form field in the order Twilio sent them (a string, or an
    /// array of strings when the field came several times), plus <c>"media": [{"url", "contentType"}]</c>.
    /// </summary>
    public static string ToPayload(IEnumerable<KeyValuePair<string, string>> fields, IReadOnlyList<WhatsAppMedia> media)
    {
        var grouped = fields
            .GroupBy(f => f.Key, StringComparer.Ordinal)
            .Where(g => g.Key != MediaKey);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var field in grouped)
            {
                var values = field.Select(f => f.Value ?? "").ToList();
                if (values.Count == 1)
                {
                    json.WriteString(field.Key, values[0]);
                }
                else
                {
                    json.WriteStartArray(field.Key);
                    values.ForEach(json.WriteStringValue);
                    json.WriteEndArray();
                }
            }

            json.WriteStartArray(MediaKey);
            foreach (var item in media)
            {
                json.WriteStartObject();
                json.WriteString("url", item.Url);
                json.WriteString("contentType", item.ContentType);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The quick-reply button's payload in a stored payload (<c>ButtonPayload</c>); null when the message was no button reply.</summary>
    public static string? ReadButtonPayload(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("ButtonPayload", out var button)
                && button.ValueKind == JsonValueKind.String
                && button.GetString() is { Length: > 0 and <= 256 } value
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The media listed in a stored payload (empty when there is none or the payload is not ours).</summary>
    public static IReadOnlyList<WhatsAppMedia> ReadMedia(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(MediaKey, out var media)
                || media.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. media.EnumerateArray()
                .Where(m => m.ValueKind == JsonValueKind.Object)
                .Select(m => new WhatsAppMedia(
                    m.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : "",
                    m.TryGetProperty("contentType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : ""))
                .Where(m => m.Url.Length > 0)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// A phone number (or <c>whatsapp:</c> address) for a log line: the first digits and the last four,
    /// e.g. <c>+62812****7890</c>. Anything short is hidden entirely.
    /// </summary>
    public static string MaskAddress(string? address)
    {
        var value = WhatsAppAddress.Normalize(address);
        if (value is null)
        {
            return "(none)";
        }

        if (value.Length < 10)
        {
            return "****";
        }

        var head = Math.Min(6, value.Length - 8);
        return value[..head] + "****" + value[^4..];
    }

    /// <summary>The first value of each field (Twilio sends each field once).</summary>
    internal static Dictionary<string, string> First(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            first.TryAdd(key, value ?? "");
        }

        return first;
    }

    internal static string? NonEmpty(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static double? Number(Dictionary<string, string> fields, string name) =>
        NonEmpty(fields, name) is { } text
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;
}
