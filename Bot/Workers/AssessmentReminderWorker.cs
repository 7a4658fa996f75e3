using ChatBot.Bot.OfficerConsole.Assessments;
using ChatBot.Channels.Pipeline;

namespace ChatBot.Bot.Workers;

/// <summary>Sends the reminders of due assessments to PKs (<see cref="AssessmentReminders"/>) every <see cref="AssessmentOptions.CheckInterval"/>.</summary>
public sealed class AssessmentReminderWorker(AssessmentReminders reminders, AssessmentOptions options, TimeProvider time, ILogger<AssessmentReminderWorker> logger)
    : PipelineWorker(new Signal(), options.CheckInterval, time, logger)
{
    public override Task<int> RunPassAsync(CancellationToken cancellationToken) => reminders.RunPassAsync(cancellationToken);
}
