using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Flows.Help;

/// <summary><c>bantuan</c> at any step: the help text, then the question that was pending.</summary>
public sealed class HelpFlow : IFlowModule
{
    public void Register(FlowRegistration flow) => flow.Dialog<HelpDialog>();
}
