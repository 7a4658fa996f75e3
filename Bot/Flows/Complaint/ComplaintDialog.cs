using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>Typed state of the complaint flow: what the person has told so far.</summary>
public sealed class ComplaintState : ICorrectable
{
    public ComplaintCategory? Category { get; set; }

    public string? Description { get; set; }

    public string? FilePath { get; set; }

    public string? FileType { get; set; }

    public string? FileName { get; set; }

    public long? FileSize { get; set; }

    public bool Anonymous { get; set; }

    public string? Name { get; set; }

    /// <summary>The summary item (1–4) being corrected; after its answer the summary is shown again.</summary>
    public int? Correcting { get; set; }
}

/// <summary>
/// Menu entry 4: a new complaint (category, description, optional photo or document, optional
/// anonymity, a numbered summary whose items are corrected by number, ticket code) or the status of an
/// earlier one. A message that already
/// holds a ticket code ("status pengaduan ADU-7K3P9Q") goes straight to its status.
/// </summary>
public sealed class ComplaintDialog : WaterfallDialog<ComplaintState>
{
    public const string DialogId = "complaint";

    private readonly WorkingDayCalendar _calendar;
    private readonly ComplaintOptions _options;
    private readonly RequestType<Domain.Complaints.Complaint, ComplaintStatus> _type;

    public ComplaintDialog(WorkingDayCalendar calendar, ComplaintOptions options, RequestType<Domain.Complaints.Complaint, ComplaintStatus> type)
        : base(DialogId)
    {
        _calendar = calendar;
        _options = options;
        _type = type;
        Steps(Step(StartAsync), Step<Choice>(AskCategoryAsync), Step<Choice>(AskDescriptionAsync), Step<string>(AskFileAsync), Step<OptionalFile>(AskAnonymousAsync), Step<bool>(AskNameAsync), Step<string>(ConfirmAsync), Step<SummaryAnswer>(SaveAsync));
    }

    public const string DescriptionPromptId = "complaint.prompt.description";

    public const int MinDescriptionLength = 10;

    /// <summary>What people call illegal levies and extortion.</summary>
    private static readonly string[] ExtortionWords = ["pungli", "pungutan liar", "pungutan", "pemerasan", "diperas", "suap", "sogok", "minta uang", "extortion", "bribe"];

    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The summary's items: category, description, attachment, complainant.</summary>
    public const int SummaryItems = 4;

    /// <summary>The step that asks each summary item (1–4) again.</summary>
    private static string ItemStep(int item) => item switch
    {
        1 => nameof(AskCategoryAsync),
        2 => nameof(AskDescriptionAsync),
        3 => nameof(AskFileAsync),
        _ => nameof(AskAnonymousAsync),
    };

    /// <summary>E-mail: one answer per line, the description takes the rest of the mail.</summary>
    public override bool AcceptsSeveralAnswersPerMessage => true;

    /// <summary>The prompt for the description, which must say enough to act on.</summary>
    public static TextPrompt DescriptionPrompt() => new(DescriptionPromptId, (dc, text) =>
        text.Trim().Length < MinDescriptionLength ? ComplaintTexts.For(dc.Language).DescriptionTooShort : null);

    private static Task<DialogTurnResult> StartAsync(WaterfallStepContext<ComplaintState> step)
    {
        // The message that chose the service may already ask a status; when the question is only
        // asked again, this turn's message was something else.
        var text = step.Repeated ? "" : step.Dc.Text;
        if (TicketCode.Find(ComplaintRequests.Prefix, text) is { } code)
        {
            return step.ReplaceDialogAsync(ComplaintStatusDialog.DialogId, code);
        }

        if (text.Contains("status", StringComparison.OrdinalIgnoreCase))
        {
            return step.ReplaceDialogAsync(ComplaintStatusDialog.DialogId);
        }

        var texts = ComplaintTexts.For(step.Dc.Language);
        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = texts.ChooseAction,
            Choices = [new("new", texts.NewComplaint, ["baru", "buat", "lapor", "new"]), new("status", texts.CheckStatus, ["status", "cek", "kode"])],
        });
    }

    private static Task<DialogTurnResult> AskCategoryAsync(WaterfallStepContext<ComplaintState> step, Answer<Choice> answer)
    {
        if (answer is { Given: true, Value.Value: "status" })
        {
            return step.ReplaceDialogAsync(ComplaintStatusDialog.DialogId);
        }

        var texts = ComplaintTexts.For(step.Dc.Language);
        return step.PromptAsync(ChoicePrompt.DefaultId, new PromptOptions
        {
            Prompt = texts.AskCategory,
            Choices = [.. texts.Categories.Select(c => new Choice(c.Key.ToString(), c.Value, c.Key == ComplaintCategory.Extortion ? ExtortionWords : null))],
        });
    }

    private static Task<DialogTurnResult> AskDescriptionAsync(WaterfallStepContext<ComplaintState> step, Answer<Choice> answer)
    {
        if (answer.TryGet(out var choice) && Enum.TryParse<ComplaintCategory>(choice.Value, out var category))
        {
            step.State.Category = category;
            if (Summary.Corrected(step, 1))
            {
                return step.GoToAsync(nameof(ConfirmAsync));
            }
        }

        return step.PromptAsync(DescriptionPromptId, new PromptOptions
        {
            Prompt = ComplaintTexts.For(step.Dc.Language).AskDescription,
            MaxLength = 4000,
            QuestionsAreAnswers = true,
            WholeMessage = true,
        });
    }

    private static Task<DialogTurnResult> AskFileAsync(WaterfallStepContext<ComplaintState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var description))
        {
            step.State.Description = description.Trim();
            if (Summary.Corrected(step, 2))
            {
                return step.GoToAsync(nameof(ConfirmAsync));
            }
        }

        return step.PromptAsync(OptionalFilePrompt.DefaultId, new PromptOptions
        {
            Prompt = ComplaintTexts.For(step.Dc.Language).AskFile,
            MaxBytes = MaxFileBytes,
            ContentTypes = ["image/jpeg", "image/png", "application/pdf"],
        });
    }

    private static Task<DialogTurnResult> AskAnonymousAsync(WaterfallStepContext<ComplaintState> step, Answer<OptionalFile> answer)
    {
        var texts = ComplaintTexts.For(step.Dc.Language);
        if (answer.TryGet(out var given))
        {
            var file = given.File;
            (step.State.FilePath, step.State.FileType, step.State.FileName, step.State.FileSize) = (file?.StoragePath, file?.ContentType, file?.FileName, file?.Size);
            if (file is not null)
            {
                step.Say(texts.FileReceived);
            }

            if (Summary.Corrected(step, 3))
            {
                return step.GoToAsync(nameof(ConfirmAsync));
            }
        }

        return step.PromptAsync(ConfirmPrompt.DefaultId, new PromptOptions { Prompt = texts.AskAnonymous });
    }

    private static Task<DialogTurnResult> AskNameAsync(WaterfallStepContext<ComplaintState> step, Answer<bool> answer)
    {
        if (answer.TryGet(out var anonymous))
        {
            step.State.Anonymous = anonymous;
            if (anonymous)
            {
                step.State.Name = null;
                return step.GoToAsync(nameof(ConfirmAsync));
            }
        }
        else if (step.State.Anonymous)
        {
            // "kembali" from the confirmation of an anonymous complaint: no name was asked, so ask about anonymity again.
            return step.GoToAsync(nameof(AskAnonymousAsync));
        }

        return step.PromptAsync(TextPrompt.DefaultId, new PromptOptions { Prompt = ComplaintTexts.For(step.Dc.Language).AskName, MaxLength = 200, PersonName = true });
    }

    private static Task<DialogTurnResult> ConfirmAsync(WaterfallStepContext<ComplaintState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var name))
        {
            step.State.Name = name.Trim();
        }

        var texts = ComplaintTexts.For(step.Dc.Language);
        var state = step.State;
        var summary = texts.Summary(texts.Categories[state.Category ?? ComplaintCategory.Other], state.Description ?? "", state.FilePath is not null, state.Anonymous ? null : state.Name);
        return Summary.AskAsync(step, $"{summary}\n\n{texts.ConfirmSend}", SummaryItems);
    }

    /// <summary>Typing <c>batal</c> once something was told says plainly that the complaint is not sent.</summary>
    public override string? CancelNotice(DialogContext dc, DialogInstance instance) =>
        DialogContext.ReadState<WaterfallState<ComplaintState>>(instance).Values.Description is null ? null : ComplaintTexts.For(dc.Language).NotSent;

    /// <summary>The summary's answer: a yes files the complaint; an item's number (or a no, after asking which) corrects it.</summary>
    private async Task<DialogTurnResult> SaveAsync(WaterfallStepContext<ComplaintState> step, Answer<SummaryAnswer> answer)
    {
        if (await Summary.CorrectAsync(step, answer, nameof(ConfirmAsync), ItemStep) is { } corrected)
        {
            return corrected;
        }

        var dc = step.Dc;
        var texts = ComplaintTexts.For(dc.Language);

        var state = step.State;
        var (verificationDue, answerDue) = ComplaintRules.Deadlines(_calendar, _options, dc.Today, dc.Office);
        var complaint = new Domain.Complaints.Complaint
        {
            Code = "",
            OfficeId = dc.Office.Id,
            ConversationId = dc.Conversation.Id,
            Channel = dc.Conversation.Channel,
            Category = state.Category ?? ComplaintCategory.Other,
            Description = state.Description ?? "",
            AttachmentPath = state.FilePath,
            AttachmentContentType = state.FileType,
            AttachmentFileName = state.FileName,
            AttachmentSize = state.FileSize,
            Anonymous = state.Anonymous,
            ReporterName = state.Anonymous ? null : state.Name,
            Status = ComplaintStatus.Received,
            ReceivedAt = dc.UtcNow,
            VerificationDue = verificationDue,
            AnswerDue = answerDue,
        };
        await RequestDesk.FileAsync(dc.Work, _type, complaint, code => complaint.Code = code);
        var code = complaint.Code;
        step.Say(texts.Filed(code, texts.Date(verificationDue), texts.Date(answerDue)));
        return await step.EndAsync();
    }
}
