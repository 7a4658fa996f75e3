using System.Text.Json;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Channels.WhatsApp;

/// <summary>How one outgoing WhatsApp message may go out.</summary>
public abstract record WindowDecision
{
    /// <summary>Inside the 24-hour window (or a direct reply): free-form text.</summary>
    public sealed record FreeForm : WindowDecision;

    /// <summary>Outside the window: the template <paramref name="ContentSid"/> with these variables (a JSON object).</summary>
    public sealed record Template(string Topic, string ContentSid, string ContentVariables) : WindowDecision;

    /// <summary>Outside the window and no usable template: the message is held for officers.</summary>
    public sealed record Hold(string Reason) : WindowDecision;
}

/// <summary>
/// WhatsApp's 24-hour rule: a business may write free-form text to a person only within 24 hours of
/// that person's last message; after that only an approved template may be sent.
/// </summary>
/// <remarks>
/// A <see cref="OutboundKind.Reply"/> always goes free-form (the person just wrote). A proactive notice or
/// an officer's message checks the conversation's <see cref="Conversation.LastInboundAt"/>; when it is
/// 24 hours old or more (or unknown), the message goes out as the template configured for its topic
/// (<c>Channels:WhatsApp:Templates:{topic}</c>, else <c>…:default</c>), or is held when there is none.
/// </remarks>
public sealed class WhatsAppWindow(ChatBotDbFactory store, TwilioOptions options, TimeProvider time)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public const string DefaultTopic = "default";

    /// <summary>Whether free-form text may be sent at <paramref name="nowUtc"/> to someone who last wrote at <paramref name="lastInboundUtc"/>.</summary>
    public static bool IsOpen(DateTime? lastInboundUtc, DateTime nowUtc) =>
        lastInboundUtc is { } last && last > DateTime.MinValue && nowUtc - last < Length;

    /// <summary>Decides how <paramref name="message"/> goes out, reading the conversation's last inbound time when it matters.</summary>
    public async Task<WindowDecision> DecideAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == OutboundKind.Reply)
        {
            return new WindowDecision.FreeForm();
        }

        var lastInbound = await LastInboundAsync(message.ConversationId, cancellationToken);
        return IsOpen(lastInbound, time.GetUtcNow().UtcDateTime)
            ? new WindowDecision.FreeForm()
            : TemplateFor(message, options);
    }

    /// <summary>The template decision for a message that may not go free-form.</summary>
    public static WindowDecision TemplateFor(OutboundMessage message, TwilioOptions options)
    {
        var asked = string.IsNullOrWhiteSpace(message.Topic) ? DefaultTopic : message.Topic;
        var topic = asked;
        if (!options.Templates.TryGetValue(topic, out var template))
        {
            topic = DefaultTopic;
            if (!options.Templates.TryGetValue(topic, out template))
            {
                return new WindowDecision.Hold($"outside the 24-hour window and no template for topic {asked}");
            }
        }

        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (number, field) in template.Variables)
        {
            var value = FieldValue(message, field);
            if (value is null)
            {
                return new WindowDecision.Hold(
                    $"outside the 24-hour window and the template for topic {topic} needs '{field}', which the message does not carry");
            }

            variables[number] = value;
        }

        return new WindowDecision.Template(topic, template.ContentSid, JsonSerializer.Serialize(variables));
    }

    /// <summary>
    /// A field a template variable names: <c>body</c> (the text), <c>topic</c>, or a top-level property of
    /// the message's JSON <see cref="OutboundMessage.Payload"/> (e.g. <c>{"visit_date": "12 Mei"}</c>).
    /// </summary>
    private static string? FieldValue(OutboundMessage message, string field)
    {
        if (field.Equals("body", StringComparison.OrdinalIgnoreCase))
        {
            return message.Body;
        }

        if (field.Equals("topic", StringComparison.OrdinalIgnoreCase))
        {
            return message.Topic;
        }

        if (string.IsNullOrWhiteSpace(message.Payload))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(message.Payload);
            if (payload.RootElement.ValueKind != JsonValueKind.Object || !payload.RootElement.TryGetProperty(field, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<DateTime?> LastInboundAsync(long conversationId, CancellationToken cancellationToken)
    {
        await using var db = store.CreateDbContext();
        var last = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => (DateTime?)c.LastInboundAt)
            .FirstOrDefaultAsync(cancellationToken);
        return last is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;
    }
}
