using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;

namespace ChatBot.Bot.Tests.Support;

/// <summary>Typed state of the details form.</summary>
public sealed class TestDetailsState
{
    public string? Email { get; set; }

    public string? Nik { get; set; }

    public long People { get; set; }

    public string? Relation { get; set; }
}

/// <summary>
/// A test-only flow for the remaining prompts: e-mail, NIK, number, choice and attachment.
/// Menu entry 3.
/// </summary>
public sealed class TestDetailsDialog() : WaterfallDialog<TestDetailsState>(
    "integration-info",
    [
    ("email", step => step.PromptAsync(EmailPrompt.DefaultId, new PromptOptions { Prompt = "Alamat email?" })),
    Step<string>("nik", (step, answer) =>
    {
        if (answer.TryGet(out var email))
        {
            step.State.Email = email;
        }

        return step.PromptAsync(NikPrompt.DefaultId, new PromptOptions { Prompt = "NIK?" });
    }),
    Step<string>("people", (step, answer) =>
    {
        if (answer.TryGet(out var nik))
        {
            step.State.Nik = nik;
        }

        return step.PromptAsync(NumberPrompt.DefaultId, new PromptOptions { Prompt = "Berapa orang?", Min = 1, Max = 3 });
    }),
    Step<long>("relation", (step, answer) =>
    {
        if (answer.TryGet(out var people))
        {
            step.State.People = people;
        }

        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = "Hubungan dengan WBP?",
            Choices = [new("family", "Keluarga", ["istri", "suami", "anak"]), new("lawyer", "Kuasa hukum", ["pengacara"])],
        });
    }),
    Step<Choice>("ktp", (step, answer) =>
    {
        if (answer.TryGet(out var relation))
        {
            step.State.Relation = relation.Value;
        }

        return step.PromptAsync(AttachmentPrompt.DefaultId, new PromptOptions
        {
            Prompt = "Kirim foto KTP.",
            ContentTypes = ["image/jpeg", "image/png", "application/pdf"],
            MaxBytes = 2 * 1024 * 1024,
        });
    }),
    Step<StoredAttachmentResult>("summary", (step, answer) =>
    {
        var file = answer.Value?.File;
        step.Say($"Data: {step.State.Email}, {step.State.Nik}, {step.State.People} orang, {step.State.Relation}, {file?.ContentType}");
        return step.EndAsync();
    }),
    ]);
