using ChatBot.Bot.Flows.Handover;
using ChatBot.Channels.Pipeline;

namespace ChatBot.Bot.Workers;

/// <summary>Makes sure nobody waits forever for an officer: overdue waits end with an offer to leave a message.</summary>
public sealed class HandoverWatcher(HandoverService handovers, HandoverOptions options, TimeProvider time, ILogger<HandoverWatcher> logger)
    : PipelineWorker(new Signal(), options.CheckInterval, time, logger)
{
    public override Task<int> RunPassAsync(CancellationToken cancellationToken) => handovers.ExpireOverdueAsync(options.WaitLimit, cancellationToken);
}
