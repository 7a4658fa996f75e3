using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>
/// The prompts the integration form asks with: the engine's own prompts, each wrapped so that a person
/// who comes back after <see cref="IntegrationOptions.ResumeAfter"/> of silence is first asked whether
/// to continue the half-finished form or discard it.
/// </summary>
public static class FormPrompts
{
    public const string Text = "integration-info.text";
    public const string Choice = "integration-info.choice";
    public const string Confirm = "integration-info.confirm";
    public const string Phone = "integration-info.phone";
    public const string Email = "integration-info.email";
    public const string Nik = "integration-info.nik";
    public const string Attachment = "integration-info.attachment";
    public const string Summary = "integration-info.summary";

    public static IEnumerable<Dialog> All(IntegrationOptions options) =>
    [
        new ResumablePrompt(Text, new TextPrompt(), options),
        new ResumablePrompt(Choice, new ChoicePrompt(), options),
        new ResumablePrompt(Confirm, new ConfirmPrompt(), options),
        new ResumablePrompt(Phone, new PhonePrompt(), options),
        new ResumablePrompt(Email, new EmailPrompt(), options),
        new ResumablePrompt(Nik, new NikPrompt(), options),
        new ResumablePrompt(Attachment, new AttachmentPrompt(), options),
        new ResumablePrompt(Summary, new SummaryPrompt(), options),
    ];

    private sealed class ResumablePrompt(string id, Dialog inner, IntegrationOptions options) : Dialog(id), IPrompt
    {
        private const string Continue = "continue";

        public override int Version => inner.Version;

        public bool TakesWholeMessage(DialogInstance instance) => ((IPrompt)inner).TakesWholeMessage(instance);

        public bool TakesQuestions(DialogInstance instance) => ((IPrompt)inner).TakesQuestions(instance);

        public override Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options) => inner.BeginAsync(dc, options);

        public override Task<DialogTurnResult> ContinueAsync(DialogContext dc)
        {
            if (IntegrationFormDialog.FormOn(dc) is not ({ } form, { } state) || !IntegrationFormDialog.IsStale(state.Values, dc.UtcNow, options.ResumeAfter))
            {
                return inner.ContinueAsync(dc);
            }

            // Back after a long silence: whatever was typed is no answer yet; ask what to do with the form.
            state.Values.TouchedAt = dc.UtcNow;
            DialogContext.WriteState(form, state);
            var texts = IntegrationTexts.For(dc.Language);
            return dc.BeginDialogAsync(ChoicePrompt.DefaultId, new PromptOptions
            {
                Prompt = texts.ResumeAsk(state.Values.ItemsFilled(), IntegrationFormDialog.ItemCount),
                Choices = [new(Continue, texts.Resume, ["lanjut", "ya", "continue"]), new("discard", texts.Discard, ["buang", "hapus", "tidak", "discard"])],
            });
        }

        public override async Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result)
        {
            var texts = IntegrationTexts.For(dc.Language);
            if (result is Choice { Value: Continue })
            {
                dc.Say(texts.Resumed);
                await dc.RepromptAsync();
                return DialogTurnResult.Waiting;
            }

            dc.CancelAllDialogs();
            dc.Say(texts.Discarded);
            return await dc.BeginDialogAsync(WellKnownDialogs.MainMenu);
        }
    }
}
