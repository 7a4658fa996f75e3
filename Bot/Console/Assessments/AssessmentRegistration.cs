using ChatBot.Bot.Hosting;
using ChatBot.Domain.Sla;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Bot.OfficerConsole.Assessments;

/// <summary>Risk and needs assessments (officer side): the options, the pages' services, the desk and the reminder worker.</summary>
public static class AssessmentRegistration
{
    public static void AddAssessments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SettingsCheck.Bind<AssessmentOptions>(configuration, AssessmentOptions.Section));
        var sla = SettingsCheck.Bind<SlaOptions>(configuration, SlaOptions.Section);
        services.TryAddSingleton(sla);
        services.TryAddSingleton(new WorkingDayCalendar(sla));
        services.AddSingleton<AssessmentPages>();
        services.AddSingleton<AssessmentDesk>();
        services.AddSingleton<AssessmentReminders>();
        services.AddSingleton<Workers.AssessmentReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Workers.AssessmentReminderWorker>());
    }
}
