namespace ChatBot.Domain.Conversations;

/// <summary>
/// The flows a message belongs to, as stored on <see cref="InboundMessage.Flows"/> and
/// <see cref="OutboundMessage.Flows"/>: dialog ids, space-separated, sorted, without prompts.
/// </summary>
public static class FlowTags
{
    public const int MaxLength = 200;

    /// <summary>The tag for the flows that took part in a turn (prompts and the given ignored ids left out).</summary>
    public static string Of(IEnumerable<string> dialogIds, IReadOnlySet<string> ignored)
    {
        var flows = dialogIds
            .Where(id => !id.StartsWith("prompt.", StringComparison.Ordinal) && !ignored.Contains(id))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var tag = string.Join(' ', flows);
        // Dropping a flow would let someone read what they may not: a tag too long to keep says "every flow".
        return tag.Length > MaxLength ? Every : tag;
    }

    /// <summary>Stands for every flow (a turn that touched too many to list).</summary>
    public const string Every = "*";

    /// <summary>The dialog ids in a stored tag.</summary>
    public static IEnumerable<string> Parse(string? tag) =>
        string.IsNullOrEmpty(tag) ? [] : tag.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether <paramref name="dialogId"/> belongs to the flow with id <paramref name="flowId"/> (itself or one of its own dialogs, <c>flow.part</c>).</summary>
    public static bool BelongsTo(string dialogId, string flowId) =>
        dialogId == Every || dialogId.StartsWith(flowId, StringComparison.Ordinal)
        && (dialogId.Length == flowId.Length || dialogId[flowId.Length] == '.');
}
