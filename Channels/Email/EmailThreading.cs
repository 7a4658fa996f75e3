using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Channels.Email;

/// <summary>A file sent with a mail (e.g. a permit letter): stored privately, named for the person.</summary>
public sealed record EmailFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("name")] string FileName,
    [property: JsonPropertyName("type")] string ContentType);

/// <summary>
/// What an answer needs to thread under the mail it answers, and the files it carries: stored as the
/// outbox row's payload (<c>{"subject":"…","inReplyTo":"…","references":"…","files":[…]}</c>).
/// </summary>
public sealed record EmailThreading(
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("inReplyTo")] string? InReplyTo,
    [property: JsonPropertyName("references")] string? References,
    [property: JsonPropertyName("files")] IReadOnlyList<EmailFile>? Files = null)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static EmailThreading? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<EmailThreading>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// How to thread an answer to a stored inbound mail, from the payload the mailbox listener stored
    /// with it (<c>messageId</c>, <c>subject</c>, <c>references</c>).
    /// </summary>
    public static EmailThreading? ForReplyTo(string? inboundPayload)
    {
        if (EmailInboundPayload.FromJson(inboundPayload) is not { } mail)
        {
            return null;
        }

        var references = string.Join(' ', new[] { mail.References, mail.MessageId }.Where(r => !string.IsNullOrWhiteSpace(r)));
        return new EmailThreading(mail.Subject, mail.MessageId, references.Length == 0 ? null : references);
    }

    /// <summary>"Re: " once, however many times the subject was answered already.</summary>
    public static string ReplySubject(string? subject)
    {
        var text = (subject ?? "").Trim();
        while (text.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Bls:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("Balas:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[(text.IndexOf(':') + 1)..].TrimStart();
        }

        return text.Length == 0 ? "Re: Layanan Pemasyarakatan" : "Re: " + text;
    }
}
