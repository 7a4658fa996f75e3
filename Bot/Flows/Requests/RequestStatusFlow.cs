using ChatBot.Bot.Dialogs;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Requests;

/// <summary><c>status CODE</c> for every request type, from anywhere: tried after the commands that name their service.</summary>
public sealed class RequestStatusFlow : IFlowModule
{
    public void Register(FlowRegistration flow) =>
        flow.Dialog<RequestStatusDialog>()
            .Quick(sp =>
            {
                var lookup = sp.GetRequiredService<RequestStatusLookup>();
                return new QuickCommand(
                    RequestStatusDialog.DialogId,
                    OfficeServices.None,
                    text => Dialogs.InterruptionRouter.AsksStatus(text) && lookup.Recognize(text) is not null ? text : null,
                    Order: 100);
            });
}
