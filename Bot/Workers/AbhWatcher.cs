using ChatBot.Bot.Flows.Abh;
using ChatBot.Channels.Pipeline;
using ChatBot.Domain.Events;

namespace ChatBot.Bot.Workers;

/// <summary>
/// Day and night, makes sure an ABH request never waits unseen: sends the alerts and escalations due
/// (<see cref="AbhAlerts"/>) every <see cref="AbhOptions.CheckInterval"/>, and at once when a request is
/// filed or takes a step.
/// </summary>
public sealed class AbhWatcher : PipelineWorker
{
    private readonly AbhAlerts _alerts;

    public AbhWatcher(AbhAlerts alerts, AbhOptions options, DomainEvents events, TimeProvider time, ILogger<AbhWatcher> logger)
        : this(alerts, options, events, time, logger, new Signal())
    {
    }

    private AbhWatcher(AbhAlerts alerts, AbhOptions options, DomainEvents events, TimeProvider time, ILogger<AbhWatcher> logger, Signal wakeUp)
        : base(wakeUp, options.CheckInterval, time, logger)
    {
        _alerts = alerts;
        events.Subscribe(e =>
        {
            if (e is RequestChanged { Kind: AbhRequests.Kind } or RecordChanged { Kind: AbhRequests.Kind })
            {
                wakeUp.Set();
            }
        });
    }

    public override Task<int> RunPassAsync(CancellationToken cancellationToken) => _alerts.RunPassAsync(cancellationToken);
}
