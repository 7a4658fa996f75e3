using ChatBot.Domain;
using System.Collections.Concurrent;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Workers;

/// <summary>Bound from <c>Workers:MediaStage</c>.</summary>
public sealed class MediaStageOptions
{
    /// <summary>How long one file may take to arrive before it counts as not delivered.</summary>
    [Positive]
    public TimeSpan FileTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Messages whose files are fetched at the same time.</summary>
    [Between(1, 64)]
    public int MaxParallel { get; set; } = 8;

    [Positive]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The pipeline's media stage: WhatsApp messages that point to files are stored as
/// <see cref="InboundStatus.AwaitingMedia"/>; here each one's files are fetched, checked and stored (or
/// refused) on its own, and the message becomes ready for its turn. A file that never arrives holds
/// up only its own message (and the later messages of the same person, whose order the turn processor
/// keeps); nobody else waits for it. A message still here when the service stops is fetched again
/// after the restart, and made ready exactly once (a conditional update).
/// </summary>
public sealed class MediaStage(
    ChatBotDbFactory factory,
    InboundMedia media,
    PipelineEvents events,
    MediaStageOptions options,
    TimeProvider time,
    ILogger<MediaStage> logger) : PipelineWorker(events.MediaAwaited, options.PollInterval, time, logger)
{
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();

    private const string ReadySql = """
        UPDATE "InboundMessages" SET "Status" = 'Pending', "Attachments" = @attachments, "MediaRefused" = @refused
        WHERE "Id" = @id AND "Status" = 'AwaitingMedia'
        """;

    /// <summary>Starts fetching messages waiting for their files (up to the parallel limit); returns how many it started.</summary>
    public override async Task<int> RunPassAsync(CancellationToken cancellationToken)
    {
        var room = options.MaxParallel - _inFlight.Count;
        if (room <= 0)
        {
            return 0;
        }

        var busy = _inFlight.Keys.ToList();
        List<InboundMessage> waiting;
        await using (var db = factory.CreateDbContext())
        {
            waiting = await db.InboundMessages.AsNoTracking()
                .Where(m => m.Status == InboundStatus.AwaitingMedia && !busy.Contains(m.Id))
                .OrderBy(m => m.Id)
                .Take(room)
                .ToListAsync(cancellationToken);
        }

        foreach (var message in waiting)
        {
            // Each message goes on its own: the pass does not wait for any of them.
            _inFlight[message.Id] = Task.Run(() => FetchOneAsync(message, cancellationToken), CancellationToken.None);
        }

        return waiting.Count;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_inFlight.Values);
    }

    private async Task FetchOneAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var (stored, refused) = await media.FetchAsync(message, options.FileTimeout, cancellationToken);
            await using var db = factory.CreateDbContext();
            await using (var scope = await factory.BeginWriteAsync(db, cancellationToken))
            {
                await using var ready = StoreCommand.Create(db, ReadySql, "id", "attachments", "refused");
                await ready.Set("id", message.Id).Set("attachments", stored).Set("refused", refused).ExecuteAsync(cancellationToken);
                await scope.CommitAsync(cancellationToken);
            }

            events.InboundStored.Set();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message stays waiting and is fetched again after the restart.
        }
        catch (Exception ex)
        {
            // The store failed; the message stays waiting and is tried again a little later.
            Logger.LogError(ex, "Fetching the files of inbound {InboundId} failed", message.Id);
            await Task.Delay(options.PollInterval, Time, CancellationToken.None);
        }
        finally
        {
            _inFlight.TryRemove(message.Id, out _);
            events.MediaAwaited.Set();
        }
    }
}
