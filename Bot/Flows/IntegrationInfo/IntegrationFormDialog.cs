using System.Text;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Integration;
using Microsoft.EntityFrameworkCore;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.IntegrationInfo;

/// <summary>Typed state of the integration form: the answers so far (personal data, kept only after consent).</summary>
public sealed class IntegrationFormState : ICorrectable
{
    public DateTime? ConsentedAt { get; set; }

    /// <summary>When the person last answered: after a long silence they are asked to resume or discard.</summary>
    public DateTime? TouchedAt { get; set; }

    /// <summary>The item (1–12) being corrected from the summary; after it the summary is shown again.</summary>
    public int? Correcting { get; set; }

    public string? RequesterName { get; set; }

    public string? Relationship { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? GuarantorName { get; set; }

    public string? GuarantorRelationship { get; set; }

    public string? GuarantorAddress { get; set; }

    public string? GuarantorPhone { get; set; }

    public string? InmateName { get; set; }

    public string? Nik { get; set; }

    public string? KtpPath { get; set; }

    public string? KtpContentType { get; set; }

    public long KtpBytes { get; set; }

    public string? Email { get; set; }

    public IntegrationProgramme? Programme { get; set; }

    /// <summary>How many of the 13 items hold an answer.</summary>
    public int ItemsFilled() =>
        new object?[] { RequesterName, Relationship, Address, Phone, GuarantorName, GuarantorRelationship, GuarantorAddress, GuarantorPhone, InmateName, KtpPath, Email, Programme }
            .Count(v => v is not null);
}

/// <summary>
/// The SOP's 13 items, one question at a time: first why the data is needed, who sees it and how long it
/// is kept, and consent (none: nothing is stored). Each answer is checked where it is asked (phones to
/// E.164, e-mail, NIK structure, the KTP file's type from its bytes and its size). A summary follows;
/// any item is corrected by its number; the declaration (item 13, with its time) submits the request
/// and gives a reference code. E-mail may answer several questions at once, one per line.
/// </summary>
public sealed class IntegrationFormDialog : WaterfallDialog<IntegrationFormState>
{
    public const string DialogId = "integration-info.form";

    public const int ItemCount = 13;

    /// <summary>The item of each question (item 10 asks the NIK, then the KTP file).</summary>
    private static readonly int[] ItemOfQuestion = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12];

    private static readonly int SummaryStep = ItemOfQuestion.Length + 1;

    private readonly IntegrationOptions _options;
    private readonly RequestType<IntegrationRequest, IntegrationRequestStatus> _type;

    public IntegrationFormDialog(IntegrationOptions options, RequestType<IntegrationRequest, IntegrationRequestStatus> type)
        : base(DialogId)
    {
        _options = options;
        _type = type;
        Steps(StepList());
    }

    public override bool AcceptsSeveralAnswersPerMessage => true;

    /// <summary>Step <c>question-N</c> keeps the answer to the question before it and asks question N - 1; <c>summary</c> shows them all.</summary>
    private IEnumerable<NamedStep<IntegrationFormState>> StepList()
    {
        yield return Step(AskConsentAsync);
        for (var i = 1; i <= SummaryStep; i++)
        {
            var index = i;
            // The questions' answers differ in type (consent, text, a date, a file): each is kept by its question.
            yield return Step<object>(StepName(index), (step, answer) => QuestionStepAsync(step, answer, index));
        }

        yield return Step<SummaryAnswer>(SubmitAsync);
    }

    private static string StepName(int index) => index == SummaryStep ? "summary" : $"question-{index}";

    private Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext<IntegrationFormState> step)
    {
        var dc = step.Dc;
        var days = (int)_options.Retention.TotalDays;
        return step.PromptAsync(FormPrompts.Confirm, new PromptOptions { Prompt = IntegrationTexts.For(dc.Language).Consent(days) });
    }

    /// <summary>Step <paramref name="index"/> keeps the answer to the question before it and asks question <c>index - 1</c>.</summary>
    private static async Task<DialogTurnResult> QuestionStepAsync(WaterfallStepContext<IntegrationFormState> step, Answer<object> answer, int index)
    {
        var dc = step.Dc;
        var state = step.State;
        if (answer.TryGet(out var given))
        {
            state.TouchedAt = dc.UtcNow;
            if (index == 1)
            {
                if (given is not true)
                {
                    dc.Say(IntegrationTexts.For(dc.Language).NoConsent);
                    return await step.EndAsync(null);
                }

                state.ConsentedAt ??= dc.UtcNow;
            }
            else
            {
                var answered = index - 2;
                Keep(state, answered, given);
                var item = ItemOfQuestion[answered];
                var itemDone = answered == ItemOfQuestion.Length - 1 || ItemOfQuestion[answered + 1] != item;
                if (itemDone && Summary.Corrected(step, item))
                {
                    return await step.GoToAsync(StepName(SummaryStep));
                }
            }
        }

        if (state.ConsentedAt is null)
        {
            return await step.GoToAsync(nameof(AskConsentAsync));
        }

        return index == SummaryStep ? await ShowSummaryAsync(step) : await AskAsync(step, index - 1);
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<IntegrationFormState> step, int question)
    {
        var texts = IntegrationTexts.For(step.Dc.Language);
        var options = new PromptOptions { Prompt = texts.Questions[question], Help = texts.QuestionHelp(question) };
        var prompt = question switch
        {
            1 or 12 => FormPrompts.Choice,
            3 or 7 => FormPrompts.Phone,
            9 => FormPrompts.Nik,
            10 => FormPrompts.Attachment,
            11 => FormPrompts.Email,
            _ => FormPrompts.Text,
        };
        switch (question)
        {
            case 1:
                options.Choices = [new("family", texts.Relationships["family"], RelationshipWords.Family),
                                   new("lawyer", texts.Relationships["lawyer"], ["kuasa", .. RelationshipWords.Lawyer])];
                break;
            case 10:
                options.ContentTypes = ["image/jpeg", "image/png", "application/pdf"];
                options.MaxBytes = 2 * 1024 * 1024;
                break;
            case 11:
                options.Optional = true;
                break;
            case 12:
                options.Choices = [.. Enum.GetValues<IntegrationProgramme>().Select(p => new Choice(p.ToString(), texts.Programmes[p], [p.ToString().ToLowerInvariant()]))];
                break;
            case 2 or 6:
                options.MaxLength = 300;
                break;
            case 5:
                options.MaxLength = 50;
                break;
            case 0 or 4 or 8:
                // The requester's, the guarantor's and the inmate's names.
                options.MaxLength = 100;
                options.PersonName = true;
                break;
        }

        return step.PromptAsync(prompt, options);
    }

    private static void Keep(IntegrationFormState state, int question, object answer)
    {
        switch (question, answer)
        {
            case (0, string name): state.RequesterName = name; break;
            case (1, Choice relationship): state.Relationship = relationship.Value; break;
            case (2, string address): state.Address = address; break;
            case (3, string phone): state.Phone = phone; break;
            case (4, string name): state.GuarantorName = name; break;
            case (5, string relationship): state.GuarantorRelationship = relationship; break;
            case (6, string address): state.GuarantorAddress = address; break;
            case (7, string phone): state.GuarantorPhone = phone; break;
            case (8, string name): state.InmateName = name; break;
            case (9, string nik): state.Nik = nik; break;
            case (10, StoredAttachmentResult file):
                state.KtpPath = file.File.StoragePath;
                state.KtpContentType = file.File.ContentType;
                state.KtpBytes = file.File.Size;
                break;
            case (11, string email): state.Email = email; break;
            case (12, Choice programme): state.Programme = Enum.Parse<IntegrationProgramme>(programme.Value); break;
        }
    }

    private static Task<DialogTurnResult> ShowSummaryAsync(WaterfallStepContext<IntegrationFormState> step)
    {
        var texts = IntegrationTexts.For(step.Dc.Language);
        var s = step.State;
        string[] values =
        [
            s.RequesterName ?? texts.NotSet,
            s.Relationship is { } r ? texts.Relationships[r] : texts.NotSet,
            s.Address ?? texts.NotSet,
            s.Phone ?? texts.NotSet,
            s.GuarantorName ?? texts.NotSet,
            s.GuarantorRelationship ?? texts.NotSet,
            s.GuarantorAddress ?? texts.NotSet,
            s.GuarantorPhone ?? texts.NotSet,
            s.InmateName ?? texts.NotSet,
            $"NIK {s.Nik ?? texts.NotSet}, {FileLabel(s)}",
            s.Email is { Length: > 0 } email ? email : s.Email is null ? texts.NotSet : texts.NoEmail,
            s.Programme is { } p ? texts.Programmes[p] : texts.NotSet,
            texts.Declaration,
        ];
        var lines = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            lines.Append(i + 1).Append(". ").Append(texts.ItemLabels[i]).Append(": ").AppendLine(values[i]);
        }

        return Summary.AskAsync(step, $"{texts.Summary(lines.ToString().TrimEnd())}\n\n{texts.SummaryHint}", ItemCount - 1, FormPrompts.Summary, retry: texts.SummaryHint);
    }

    private static string FileLabel(IntegrationFormState s) => s.KtpContentType switch
    {
        null => "—",
        "application/pdf" => $"PDF {s.KtpBytes / 1024} KB",
        var type => $"{type.Split('/')[^1].ToUpperInvariant()} {s.KtpBytes / 1024} KB",
    };

    /// <summary>The summary's answer: a number corrects that item; agreeing declares the data true and submits.</summary>
    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext<IntegrationFormState> step, Answer<SummaryAnswer> answer)
    {
        // An item is asked by the step after its first question's.
        if (await Summary.CorrectAsync(step, answer, StepName(SummaryStep), item => StepName(Array.IndexOf(ItemOfQuestion, item) + 1)) is { } corrected)
        {
            return corrected;
        }

        var dc = step.Dc;
        var s = step.State;
        var request = new IntegrationRequest
        {
            OfficeId = dc.Office.Id,
            ReferenceCode = "",
            ConversationId = dc.Conversation.Id,
            Language = dc.Language,
            Status = IntegrationRequestStatus.Submitted,
            Relationship = s.Relationship!,
            Programme = s.Programme!.Value,
            RequesterName = s.RequesterName,
            Address = s.Address,
            Phone = s.Phone,
            GuarantorName = s.GuarantorName,
            GuarantorRelationship = s.GuarantorRelationship,
            GuarantorAddress = s.GuarantorAddress,
            GuarantorPhone = s.GuarantorPhone,
            InmateName = s.InmateName,
            Nik = s.Nik,
            Email = s.Email is { Length: > 0 } address ? address : null,
            KtpPath = s.KtpPath,
            KtpContentType = s.KtpContentType,
            KtpBytes = s.KtpBytes,
            ConsentedAt = s.ConsentedAt!.Value,
            DeclaredAt = dc.UtcNow,
            SubmittedAt = dc.UtcNow,
        };
        await RequestDesk.FileAsync(dc.Work, _type, request, code => request.ReferenceCode = code);
        var code = request.ReferenceCode;
        var texts = IntegrationTexts.For(dc.Language);
        dc.Say(texts.Submitted(code, texts.When(dc.Office, dc.UtcNow), request.Email is not null));
        return await step.EndAsync(null);
    }

    /// <summary>
    /// <c>menu</c> or <c>batal</c> once the person agreed and began: the form is not thrown away silently; they
    /// are asked first, and may leave with the answers kept as a draft (<c>lanjut</c>, or choosing the service again, takes it up).
    /// </summary>
    public override string? LeaveQuestion(DialogContext dc, DialogInstance instance)
    {
        var state = DialogContext.ReadState<WaterfallState<IntegrationFormState>>(instance).Values;
        return state.ConsentedAt is null ? null : IntegrationTexts.For(dc.Language).LeaveAsk(state.ItemsFilled(), ItemCount);
    }

    /// <summary>Taken up again on purpose: the silence since is not a reason to ask whether to resume.</summary>
    public override void DraftResumed(DialogContext dc, DialogInstance instance)
    {
        var state = DialogContext.ReadState<WaterfallState<IntegrationFormState>>(instance);
        state.Values.TouchedAt = dc.UtcNow;
        DialogContext.WriteState(instance, state);
    }

    /// <summary>Whether the person may leave for <paramref name="silence"/> and be asked to resume.</summary>
    internal static bool IsStale(IntegrationFormState state, DateTime nowUtc, TimeSpan silence) =>
        state.TouchedAt is { } touched && nowUtc - touched >= silence;

    /// <summary>The form's state on the stack, when the form is below the top.</summary>
    internal static (DialogInstance Instance, WaterfallState<IntegrationFormState> State)? FormOn(DialogContext dc)
    {
        var form = dc.Stack.Instances.LastOrDefault(i => i.Id == DialogId);
        return form is null ? null : (form, DialogContext.ReadState<WaterfallState<IntegrationFormState>>(form));
    }
}
