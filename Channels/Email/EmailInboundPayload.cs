using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Channels.Email;

/// <summary>
/// What the mailbox listener keeps of a mail beside its text: how to thread the answer, and which
/// attached files were refused (their <see cref="Media.MediaRefusal"/> codes), so the turn can say so.
/// </summary>
public sealed record EmailInboundPayload(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("references")] string? References,
    [property: JsonPropertyName("inReplyTo")] string? InReplyTo,
    [property: JsonPropertyName("refused")] IReadOnlyList<string>? Refused = null)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static EmailInboundPayload? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EmailInboundPayload>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
