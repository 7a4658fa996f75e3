using System.Globalization;
using System.Text;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Events;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Abh;

/// <summary>Typed state of the ABH form: the answers so far. Nothing is stored as a request until the summary is agreed.</summary>
public sealed class AbhFormState : ICorrectable
{
    /// <summary>The item (1–10) being corrected from the summary; after it the summary is shown again.</summary>
    public int? Correcting { get; set; }

    public string? InstitutionKind { get; set; }

    public string? InstitutionName { get; set; }

    public string? InstitutionUnit { get; set; }

    public string? RequesterName { get; set; }

    public string? RequesterPhone { get; set; }

    public string? ChildInitials { get; set; }

    public int? ChildAge { get; set; }

    public string? HeldAt { get; set; }

    public string? AllegedOffence { get; set; }

    public string? LetterPath { get; set; }

    public string? LetterContentType { get; set; }

    public long LetterBytes { get; set; }

    public int ItemsFilled() =>
        new object?[] { InstitutionKind, InstitutionName, InstitutionUnit, RequesterName, RequesterPhone, ChildInitials, ChildAge, HeldAt, AllegedOffence, LetterPath }
            .Count(v => v is not null);
}

/// <summary>
/// Menu entry "Pendampingan ABH": an investigator, prosecutor or other institution asks for a PK to
/// accompany a child, at any hour. Ten items, one question at a time (by e-mail several per mail, one per
/// line; a letter attached to any mail is kept): the institution and unit, the officer's name and
/// phone, the child's initials and age only (a full name is refused), where the child is, the alleged
/// offence, and the request letter (PDF or photo, typed from its bytes by the channel, at most 2 MB). A
/// numbered summary follows; any item is corrected by its number; agreeing files the request with an
/// <c>ABH-</c> code and tells the requester who is on duty. <c>menu</c> keeps the answers as a draft.
/// </summary>
public sealed class AbhFormDialog : WaterfallDialog<AbhFormState>
{
    public const string DialogId = "abh";

    public const int ItemCount = 10;

    private const int LetterQuestion = 9;

    private readonly AbhOptions _options;
    private readonly RequestType<AbhRequest, AbhRequestStatus> _type;

    public AbhFormDialog(AbhOptions options, RequestType<AbhRequest, AbhRequestStatus> type)
        : base(DialogId)
    {
        _options = options;
        _type = type;
        Steps(StepList());
    }

    public override bool AcceptsSeveralAnswersPerMessage => true;

    /// <summary>Step <c>question-N</c> keeps the answer to question N - 1 and asks question N; <c>summary</c> keeps the last and shows them all.</summary>
    private IEnumerable<NamedStep<AbhFormState>> StepList()
    {
        yield return Step(StartAsync);
        for (var i = 1; i <= ItemCount; i++)
        {
            var index = i;
            yield return Step<object>(StepName(index), (step, answer) => QuestionStepAsync(step, answer, index));
        }

        yield return Step<SummaryAnswer>(SubmitAsync);
    }

    private static string StepName(int index) => index == ItemCount ? "summary" : $"question-{index}";

    /// <summary>The step that asks item <paramref name="item"/> (1–10).</summary>
    private static string ItemStep(int item) => item == 1 ? nameof(StartAsync) : StepName(item - 1);

    public override async Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options)
    {
        // Chosen again with a form left half-done: it goes on where the person left it.
        if (options is null && dc.HasDraft(DialogId) && await dc.ResumeDraftAsync(DialogId, DialogTexts.For(dc.Language).DraftResumed))
        {
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options);
    }

    private Task<DialogTurnResult> StartAsync(WaterfallStepContext<AbhFormState> step)
    {
        if (!step.Repeated && step.State.ItemsFilled() == 0)
        {
            step.Say(AbhTexts.For(step.Dc.Language).Intro((int)_options.Retention.TotalDays));
        }

        return AskAsync(step, 0);
    }

    private static async Task<DialogTurnResult> QuestionStepAsync(WaterfallStepContext<AbhFormState> step, Answer<object> answer, int index)
    {
        var state = step.State;
        var answered = index - 1;
        if (answer.TryGet(out var given))
        {
            Keep(state, answered, given);
            if (answered != LetterQuestion)
            {
                KeepLetterSentEarly(step);
            }

            if (Summary.Corrected(step, answered + 1))
            {
                return await step.GoToAsync(StepName(ItemCount));
            }
        }

        if (index == ItemCount)
        {
            return await ShowSummaryAsync(step);
        }

        // The letter came already (attached to an earlier mail or message): no need to ask for it.
        if (index == LetterQuestion && state.LetterPath is not null && state.Correcting != LetterQuestion + 1)
        {
            return await step.GoToAsync(StepName(ItemCount));
        }

        return await AskAsync(step, index);
    }

    /// <summary>A file of the letter's kind that came with an answer to another question is the letter.</summary>
    private static void KeepLetterSentEarly(WaterfallStepContext<AbhFormState> step)
    {
        var state = step.State;
        if (state.LetterPath is not null
            || step.Dc.Input.Attachments.FirstOrDefault(f => AbhRules.LetterTypes.Contains(f.ContentType, StringComparer.OrdinalIgnoreCase) && f.Size <= AbhRules.MaxLetterBytes) is not { } file)
        {
            return;
        }

        KeepLetter(state, file);
        step.Say(AbhTexts.For(step.Dc.Language).LetterKept);
    }

    private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<AbhFormState> step, int question)
    {
        var texts = AbhTexts.For(step.Dc.Language);
        var options = new PromptOptions { Prompt = texts.Questions[question], Help = texts.QuestionHelp(question) };
        var prompt = question switch
        {
            0 => ChoicePrompt.DefaultId,
            4 => PhonePrompt.DefaultId,
            5 => InitialsPrompt.DefaultId,
            6 => NumberPrompt.DefaultId,
            8 => AbhPrompts.Offence,
            LetterQuestion => AttachmentPrompt.DefaultId,
            _ => TextPrompt.DefaultId,
        };
        switch (question)
        {
            case 0:
                options.Choices =
                [
                    new(AbhInstitutions.Police, texts.Institutions[AbhInstitutions.Police], ["polisi", "kepolisian", "polres", "polresta", "polsek", "polda", "penyidik", "police"]),
                    new(AbhInstitutions.Prosecutor, texts.Institutions[AbhInstitutions.Prosecutor], ["jaksa", "kejaksaan", "kejari", "kejati", "prosecutor"]),
                    new(AbhInstitutions.Other, texts.Institutions[AbhInstitutions.Other], ["lainnya", "lain", "instansi lain", "other"]),
                ];
                break;
            case 1 or 2:
                options.MaxLength = AbhRules.MaxInstitutionLength;
                break;
            case 3:
                options.MaxLength = AbhRules.MaxNameLength;
                options.PersonName = true;
                break;
            case 6:
                options.Min = AbhRules.MinChildAge;
                options.Max = AbhRules.MaxChildAge;
                options.Retry = texts.AgeRetry;
                break;
            case 7:
                options.MaxLength = AbhRules.MaxHeldAtLength;
                break;
            case 8:
                options.MaxLength = AbhRules.MaxOffenceLength;
                break;
            case LetterQuestion:
                options.ContentTypes = [.. AbhRules.LetterTypes];
                options.MaxBytes = AbhRules.MaxLetterBytes;
                break;
        }

        return step.PromptAsync(prompt, options);
    }

    private static void Keep(AbhFormState state, int question, object answer)
    {
        switch (question, answer)
        {
            case (0, Choice kind): state.InstitutionKind = kind.Value; break;
            case (1, string name): state.InstitutionName = name.Trim(); break;
            case (2, string unit): state.InstitutionUnit = unit.Trim(); break;
            case (3, string name): state.RequesterName = name.Trim(); break;
            case (4, string phone): state.RequesterPhone = phone; break;
            case (5, string initials): state.ChildInitials = initials; break;
            case (6, long age): state.ChildAge = (int)age; break;
            case (7, string place): state.HeldAt = place.Trim(); break;
            case (8, string offence): state.AllegedOffence = offence.Trim(); break;
            case (LetterQuestion, StoredAttachmentResult letter): KeepLetter(state, letter.File); break;
        }
    }

    private static void KeepLetter(AbhFormState state, Domain.Conversations.StoredAttachment file)
    {
        state.LetterPath = file.StoragePath;
        state.LetterContentType = file.ContentType;
        state.LetterBytes = file.Size;
    }

    private static Task<DialogTurnResult> ShowSummaryAsync(WaterfallStepContext<AbhFormState> step)
    {
        var texts = AbhTexts.For(step.Dc.Language);
        var s = step.State;
        string[] values =
        [
            s.InstitutionKind is { } kind ? texts.Institutions[kind] : texts.NotSet,
            s.InstitutionName ?? texts.NotSet,
            s.InstitutionUnit ?? texts.NotSet,
            s.RequesterName ?? texts.NotSet,
            s.RequesterPhone ?? texts.NotSet,
            s.ChildInitials ?? texts.NotSet,
            s.ChildAge is { } age ? age.ToString(CultureInfo.InvariantCulture) : texts.NotSet,
            s.HeldAt ?? texts.NotSet,
            s.AllegedOffence ?? texts.NotSet,
            LetterLabel(s) ?? texts.NotSet,
        ];
        var lines = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            lines.Append(i + 1).Append(". ").Append(texts.ItemLabels[i]).Append(": ").AppendLine(values[i]);
        }

        return Summary.AskAsync(step, $"{texts.Summary(lines.ToString().TrimEnd())}\n\n{texts.SummaryHint}", ItemCount, retry: texts.SummaryHint);
    }

    private static string? LetterLabel(AbhFormState s) => s.LetterContentType switch
    {
        null => null,
        "application/pdf" => $"PDF {Math.Max(1, s.LetterBytes / 1024)} KB",
        var type => $"{type.Split('/')[^1].ToUpperInvariant()} {Math.Max(1, s.LetterBytes / 1024)} KB",
    };

    /// <summary>The summary's answer: a number corrects that item; agreeing files the request (only when every item is there).</summary>
    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext<AbhFormState> step, Answer<SummaryAnswer> answer)
    {
        if (await Summary.CorrectAsync(step, answer, StepName(ItemCount), ItemStep) is { } corrected)
        {
            return corrected;
        }

        var s = step.State;
        if (FirstMissing(s) is { } missing)
        {
            // Nothing half-filled is filed: ask what is missing, then the summary again.
            s.Correcting = missing;
            return await step.GoToAsync(ItemStep(missing));
        }

        var dc = step.Dc;
        var request = new AbhRequest
        {
            OfficeId = dc.Office.Id,
            Code = "",
            ConversationId = dc.Conversation.Id,
            Language = dc.Language,
            Status = AbhRequestStatus.Received,
            InstitutionKind = s.InstitutionKind!,
            InstitutionName = s.InstitutionName,
            InstitutionUnit = s.InstitutionUnit,
            RequesterName = s.RequesterName,
            RequesterPhone = s.RequesterPhone,
            ChildInitials = s.ChildInitials,
            ChildAge = s.ChildAge,
            HeldAt = s.HeldAt,
            AllegedOffence = s.AllegedOffence,
            LetterPath = s.LetterPath,
            LetterContentType = s.LetterContentType,
            LetterBytes = s.LetterBytes,
            ReceivedAt = dc.UtcNow,
        };
        await RequestDesk.FileAsync(dc.Work, _type, request, code => request.Code = code);

        // The officers alerted first (the first rank on duty) are the ones the requester hears of.
        var onDuty = await DutyRoster.OnDutyAsync(dc.Work, dc.Office.Id);
        var first = onDuty.Where(o => o.Rank == onDuty.FirstOrDefault()?.Rank).Select(o => o.DisplayName).ToList();
        var texts = AbhTexts.For(dc.Language);
        dc.Say(texts.Submitted(request.Code, texts.When(dc.Office, dc.UtcNow), first.Count == 0 ? null : string.Join(", ", first), dc.Office.Phone));
        // The request has no id before the turn commits: the alerts service looks for new requests itself.
        dc.Raise(new RecordChanged(AbhRequests.Kind, dc.Office.Id, "abh/new"));
        return await step.EndAsync(null);
    }

    private static int? FirstMissing(AbhFormState s)
    {
        object?[] items = [s.InstitutionKind, s.InstitutionName, s.InstitutionUnit, s.RequesterName, s.RequesterPhone, s.ChildInitials, s.ChildAge, s.HeldAt, s.AllegedOffence, s.LetterPath];
        var index = Array.FindIndex(items, v => v is null);
        return index < 0 ? null : index + 1;
    }

    public override string? CancelNotice(DialogContext dc, DialogInstance instance) =>
        DialogContext.ReadState<WaterfallState<AbhFormState>>(instance).Values.ItemsFilled() == 0 ? null : AbhTexts.For(dc.Language).NotSent;

    /// <summary><c>menu</c> or <c>batal</c> once something was answered: asked first, and the answers may be kept as a draft.</summary>
    public override string? LeaveQuestion(DialogContext dc, DialogInstance instance)
    {
        var filled = DialogContext.ReadState<WaterfallState<AbhFormState>>(instance).Values.ItemsFilled();
        return filled == 0 ? null : AbhTexts.For(dc.Language).LeaveAsk(filled, ItemCount);
    }
}
