using System.Text.Json;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary>A line of a transcript as officers see it.</summary>
public sealed record TranscriptLine(
    long Id,
    bool Inbound,
    DateTime At,
    string Body,
    OutboundKind? Kind,
    OutboundStatus? Status,
    string? ErrorCode,
    string? ErrorMessage,
    string? Flows = null,
    bool Hidden = false);

/// <summary>One entry of the handover queue.</summary>
public sealed record QueueEntry(
    long HandoverId,
    long ConversationId,
    int OfficeId,
    HandoverStatus Status,
    ChannelKind Channel,
    string UserAddress,
    string? DisplayName,
    DateTime RequestedAt,
    string? Reason,
    string? TakenBy,
    string? LeftMessage,
    bool HideAddress = false)
{
    /// <summary>How lists show the person's address: masked, or not at all after an anonymous case.</summary>
    public string ShownAddress => HideAddress ? "nomor disembunyikan" : ConversationFormat.MaskedAddress(Channel, UserAddress);
}

/// <summary>Reads what the conversation pages show.</summary>
public sealed class ConversationQueries(ChatBotDbFactory factory)
{
    /// <summary>
    /// Waiting (oldest first), in progress, and messages left after nobody answered that no officer has answered or closed yet. The
    /// entries carry the person's name as stored: a page shows it only where
    /// <see cref="Auth.ConversationAccess"/> allows.
    /// </summary>
    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(IReadOnlyCollection<int> officeIds, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Handovers.AsNoTracking()
            .Where(h => officeIds.Contains(h.OfficeId)
                && (h.Status == HandoverStatus.Waiting || h.Status == HandoverStatus.Active
                    || (h.Status == HandoverStatus.Expired && h.LeftMessage != null)))
            .OrderBy(h => h.RequestedAt)
            .Select(h => new QueueEntry(
                h.Id,
                h.ConversationId,
                h.OfficeId,
                h.Status,
                h.Conversation!.Channel,
                h.Conversation.UserAddress,
                h.Conversation.DisplayName,
                h.RequestedAt,
                h.Reason,
                db.Officers.Where(o => o.Id == h.TakenByOfficerId).Select(o => o.DisplayName).FirstOrDefault(),
                h.LeftMessage))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The latest lines of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<TranscriptLine>> TranscriptAsync(long conversationId, int limit, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var inbound = await db.InboundMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && !m.SystemTurn)
            .OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new TranscriptLine(m.Id, true, m.ReceivedAt, m.Body ?? "", null, null, null, null, m.Flows, false))
            .ToListAsync(cancellationToken);
        var outbound = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new TranscriptLine(m.Id, false, m.CreatedAt, m.Body, m.Kind, m.Status, m.ErrorCode, m.ErrorMessage, m.Flows, false))
            .ToListAsync(cancellationToken);
        return inbound.Concat(outbound).OrderBy(l => l.At).ThenBy(l => l.Inbound ? 0 : 1).ThenBy(l => l.Id).TakeLast(limit).ToList();
    }

    /// <summary>
    /// What the bot had collected when the person asked for an officer: the values of each flow on
    /// the dialog stack at that moment, as label/value pairs.
    /// </summary>
    public static IReadOnlyList<(string Flow, string Field, string Value)> Collected(string? stackJson)
    {
        var fields = new List<(string, string, string)>();
        if (string.IsNullOrEmpty(stackJson))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(stackJson);
            if (!document.RootElement.TryGetProperty("stack", out var stack) || stack.ValueKind != JsonValueKind.Array)
            {
                return fields;
            }

            foreach (var instance in stack.EnumerateArray())
            {
                var flow = instance.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "";
                if (flow.StartsWith("prompt.", StringComparison.Ordinal)
                    || !instance.TryGetProperty("s", out var state) || state.ValueKind != JsonValueKind.Object
                    || !state.TryGetProperty("v", out var values) || values.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var property in values.EnumerateObject())
                {
                    // Where a file is kept on disk is nobody's business in the console.
                    if (property.Name.EndsWith("Path", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.Object or JsonValueKind.Array))
                    {
                        fields.Add((flow, property.Name, property.Value.ToString()));
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A damaged snapshot shows nothing rather than breaking the page.
        }

        return fields;
    }
}
