using ChatBot.Channels.WhatsApp;
using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Live;

/// <summary>
/// Tells the console when a message arrived or was sent: listens to the pipeline's
/// <see cref="PipelineEvents.TurnCompleted"/> and <see cref="PipelineEvents.OutboundDispatched"/> and
/// publishes <c>message</c> events with subject <c>conversation/{id}</c>. The pipeline's thread only
/// drops the conversation id into a queue; the office is looked up here (cached; a conversation never
/// changes office), so the console never slows the pipeline down.
/// </summary>
public sealed class PipelineEventRelay(PipelineEvents pipeline, WhatsAppStatusUpdater statuses, ConsoleEvents console, ChatBotDbFactory factory, ILogger<PipelineEventRelay> logger)
    : BackgroundService
{
    public const string Kind = "message";

    private const int MaxCachedConversations = 50_000;

    private readonly Channel<long> _changed = Channel.CreateBounded<long>(
        new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly ConcurrentDictionary<long, int> _officeOf = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        pipeline.TurnCompleted += OnTurnCompleted;
        pipeline.OutboundDispatched += OnOutboundDispatched;
        statuses.StatusChanged += OnStatusChanged;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        pipeline.TurnCompleted -= OnTurnCompleted;
        pipeline.OutboundDispatched -= OnOutboundDispatched;
        statuses.StatusChanged -= OnStatusChanged;
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new HashSet<long>();
        try
        {
            while (await _changed.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < 512 && _changed.Reader.TryRead(out var id))
                {
                    batch.Add(id);
                }

                try
                {
                    await PublishAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Live updates are a convenience; the pages still show the store when reloaded.
                    logger.LogWarning(ex, "Console live update failed for {Count} conversation(s)", batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void OnTurnCompleted(TurnCompleted e)
    {
        if (e.ConversationId is { } id)
        {
            _changed.Writer.TryWrite(id);
        }
    }

    private void OnOutboundDispatched(OutboundDispatched e) => _changed.Writer.TryWrite(e.ConversationId);

    /// <summary>A delivery report (delivered, read, failed) changes what the transcript shows.</summary>
    private void OnStatusChanged(WhatsAppStatusChanged e) => _changed.Writer.TryWrite(e.ConversationId);

    private async Task PublishAsync(HashSet<long> conversationIds, CancellationToken cancellationToken)
    {
        if (_officeOf.Count > MaxCachedConversations)
        {
            _officeOf.Clear();
        }

        var unknown = conversationIds.Where(id => !_officeOf.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            await using var db = factory.CreateDbContext();
            var found = await db.Conversations.AsNoTracking()
                .Where(c => unknown.Contains(c.Id))
                .Select(c => new { c.Id, c.OfficeId })
                .ToListAsync(cancellationToken);
            foreach (var row in found)
            {
                _officeOf[row.Id] = row.OfficeId;
            }
        }

        foreach (var id in conversationIds)
        {
            if (_officeOf.TryGetValue(id, out var officeId))
            {
                console.Publish(new ConsoleEvent(Kind, officeId, $"conversation/{id}"));
            }
        }
    }
}
