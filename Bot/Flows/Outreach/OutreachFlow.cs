using System.Text.RegularExpressions;
using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Outreach;

/// <summary>
/// Outreach requests (Bambang Solah): the form and its menu entry, the request type with its officer steps
/// (status by code through the shared <c>status SOS-…</c>), and the satisfaction survey after the report
/// (<c>nilai SOS-…</c> to rate later). The retention of its personal data and files is not here yet.
/// </summary>
public sealed partial class OutreachFlow : IFlowModule
{
    public void Register(FlowRegistration flow)
    {
        var services = flow.Services;
        var options = Hosting.SettingsCheck.Bind<OutreachOptions>(flow.Configuration, OutreachOptions.Section);
        services.AddSingleton(options);
        var requests = OutreachRequests.Create();
        services.AddSingleton(requests);
        services.AddSingleton<IRequestType>(requests);

        flow.Dialog<OutreachFormDialog>()
            .Dialog<OutreachDatesPrompt>()
            .Dialog(_ => OutreachPrompts.TopicOtherPrompt())
            .Dialog(_ => OutreachPrompts.AudiencePrompt())
            .Dialog<OutreachSurveyDialog>()
            .Menu(new MenuEntry("outreach", OfficeServices.Outreach, OutreachFormDialog.DialogId, Order: 70, language => OutreachTexts.For(language).Menu))
            .Quick(new QuickCommand(OutreachSurveyDialog.DialogId, OfficeServices.Outreach, RateCommand));
    }

    /// <summary>"nilai SOS-7K2M9Q" (also "nilai penyuluhan SOS-…"): the code to rate, or null.</summary>
    private static string? RateCommand(string text) =>
        text.Length <= 100 && Rate().Match(text) is { Success: true } match && TicketCode.Find(OutreachRequests.Prefix, match.Groups["code"].Value) is { } code
            ? code
            : null;

    [GeneratedRegex(@"^[\s*_]*(?:nilai|rate)(?:\s+penyuluhan)?[\s*_:]+(?<code>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rate();
}
