using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Channels.Pipeline;

/// <summary>
/// A pipeline stage: runs passes while they find work, then sleeps until its signal is set or the
/// poll interval passes (so work a missed signal would leave behind is still found).
/// </summary>
public abstract class PipelineWorker(Signal wakeUp, TimeSpan pollInterval, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>Does one pass; returns how many items it handled (0 when there was nothing to do).</summary>
    public abstract Task<int> RunPassAsync(CancellationToken cancellationToken);

    protected virtual bool Enabled => true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunPassAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Logger.LogError(ex, "{Worker} pass failed; retrying shortly", GetType().Name);
            }

            await wakeUp.WaitAsync(pollInterval, Time, stoppingToken);
        }
    }
}
