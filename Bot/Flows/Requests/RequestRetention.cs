using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Flows.Requests;

/// <summary>What the retention jobs of request services share: forgetting unfinished forms, blanking messages, deleting files.</summary>
public static class RequestRetention
{
    /// <summary>What erased message text reads like in transcripts.</summary>
    public const string ErasedText = "[dihapus: masa simpan data berakhir]";

    /// <summary>
    /// Half-filled forms nobody came back to: the answers given so far sit in the conversation's dialog state
    /// (on the stack or as a draft), which is cleared where it names <paramref name="dialogId"/> (the person
    /// starts afresh at the menu if they ever write again). Returns how many were forgotten.
    /// </summary>
    public static async Task<int> ForgetDraftsAsync(ChatBotDbFactory factory, ChatBotDb db, string dialogId, DateTime silentSince, CancellationToken cancellationToken)
    {
        await using var scope = await factory.BeginWriteAsync(db, cancellationToken);
        var forgotten = await db.Conversations
            .Where(c => c.DialogState != null && c.DialogState.Contains("\"" + dialogId + "\"") && c.LastActivityAt <= silentSince)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.DialogState, (string?)null).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
        await scope.CommitAsync(cancellationToken);
        return forgotten;
    }

    /// <summary>Blanks what a person sent (the row stays, so the transcript shows something was said and erased) and deletes its files.</summary>
    public static void Blank(InboundMessage message, ILogger logger)
    {
        foreach (var file in StoredAttachment.ListFromJson(message.Attachments))
        {
            TryDelete(file.StoragePath, logger);
        }

        message.Body = ErasedText;
        message.Attachments = null;
        message.Payload = null;
    }

    /// <summary>Deletes a file; false when it is there and could not be deleted (the caller tries again on a later pass).</summary>
    public static bool TryDelete(string? path, ILogger logger)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return true;
        }

        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not delete a file kept for a request past its retention");
            return false;
        }
    }
}
