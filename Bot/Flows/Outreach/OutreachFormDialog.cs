using System.Text;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Events;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Outreach;

/// <summary>Typed state of the outreach form: the answers so far. Nothing is stored as a request until the summary is agreed.</summary>
public sealed class OutreachFormState : ICorrectable
{
    public int? Correcting { get; set; }

    public string? InstitutionKind { get; set; }

    public string? InstitutionName { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The e-mail question was answered (with an address, or "none").</summary>
    public bool EmailAnswered { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>Stored form (<see cref="OutreachRules.FormatDates"/>).</summary>
    public string? PreferredDates { get; set; }

    public string? Topic { get; set; }

    /// <summary>The topic's detail question was answered (with a text, or "none" for a topic of the list).</summary>
    public bool DetailAnswered { get; set; }

    public string? TopicDetail { get; set; }

    public string? Audience { get; set; }

    public int? AudienceSize { get; set; }

    public string? LetterPath { get; set; }

    public string? LetterContentType { get; set; }

    public long LetterBytes { get; set; }

    public bool DetailMissing => !DetailAnswered || (Topic == OutreachRules.OtherTopic && string.IsNullOrWhiteSpace(TopicDetail));

    public object?[] Items() =>
        [InstitutionKind, InstitutionName, ContactName, ContactPhone, EmailAnswered ? true : null, PreferredDates, Topic, DetailMissing ? null : true, Audience, LetterPath];

    public int ItemsFilled() => Items().Count(v => v is not null);
}

/// <summary>
/// Menu entry "Penyuluhan desa/sekolah" (Bambang Solah): a village, school or other institution asks for an
/// outreach session. Ten items, one question at a time (by e-mail several per mail, one per line; a letter
/// attached to any mail is kept): the kind and name of the institution, the contact person, their phone and
/// (optional) e-mail, one to three preferred dates (none in the past), a topic from the office's list or one
/// of their own ("lainnya" needs its text), the expected audience with a number, and the request letter
/// (PDF or photo, typed from its bytes by the channel, at most 2 MB). A numbered summary follows; any item
/// is corrected by its number; agreeing files the request with a <c>SOS-</c> code. <c>menu</c> keeps a draft.
/// </summary>
public sealed class OutreachFormDialog : WaterfallDialog<OutreachFormState>
{
    public const string DialogId = "outreach";

    public const int ItemCount = 10;

    private const int TopicQuestion = 6;

    private const int DetailQuestion = 7;

    private const int LetterQuestion = 9;

    private readonly OutreachOptions _options;
    private readonly RequestType<OutreachRequest, OutreachStatus> _type;

    public OutreachFormDialog(OutreachOptions options, RequestType<OutreachRequest, OutreachStatus> type)
        : base(DialogId)
    {
        _options = options;
        _type = type;
        Steps(StepList());
    }

    public override bool AcceptsSeveralAnswersPerMessage => true;

    private IEnumerable<NamedStep<OutreachFormState>> StepList()
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
        if (options is null && dc.HasDraft(DialogId) && await dc.ResumeDraftAsync(DialogId, DialogTexts.For(dc.Language).DraftResumed))
        {
            return DialogTurnResult.Waiting;
        }

        return await base.BeginAsync(dc, options);
    }

    private Task<DialogTurnResult> StartAsync(WaterfallStepContext<OutreachFormState> step)
    {
        if (!step.Repeated && step.State.ItemsFilled() == 0)
        {
            step.Say(OutreachTexts.For(step.Dc.Language).Intro);
        }

        return AskAsync(step, 0);
    }

    private async Task<DialogTurnResult> QuestionStepAsync(WaterfallStepContext<OutreachFormState> step, Answer<object> answer, int index)
    {
        var state = step.State;
        var answered = index - 1;
        if (answer.TryGet(out var given))
        {
            var topicBefore = state.Topic;
            Keep(state, answered, given);
            if (answered != LetterQuestion)
            {
                KeepLetterSentEarly(step);
            }

            // A topic corrected from the summary asks its detail again when the detail no longer fits.
            if (answered == TopicQuestion && state.Correcting == TopicQuestion + 1 && (state.DetailMissing || state.Topic != topicBefore))
            {
                state.Correcting = DetailQuestion + 1;
                state.DetailAnswered = false;
                return await AskAsync(step, DetailQuestion);
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

        if (index == LetterQuestion && state.LetterPath is not null && state.Correcting != LetterQuestion + 1)
        {
            return await step.GoToAsync(StepName(ItemCount));
        }

        return await AskAsync(step, index);
    }

    private static void KeepLetterSentEarly(WaterfallStepContext<OutreachFormState> step)
    {
        var state = step.State;
        if (state.LetterPath is not null
            || step.Dc.Input.Attachments.FirstOrDefault(f => OutreachRules.LetterTypes.Contains(f.ContentType, StringComparer.OrdinalIgnoreCase) && f.Size <= OutreachRules.MaxLetterBytes) is not { } file)
        {
            return;
        }

        KeepLetter(state, file);
        step.Say(OutreachTexts.For(step.Dc.Language).LetterKept);
    }

    private Task<DialogTurnResult> AskAsync(WaterfallStepContext<OutreachFormState> step, int question)
    {
        var language = step.Dc.Language;
        var texts = OutreachTexts.For(language);
        var other = question == DetailQuestion && step.State.Topic == OutreachRules.OtherTopic;
        var options = new PromptOptions
        {
            Prompt = question == DetailQuestion && !other ? texts.TopicDetailOptional : texts.Questions[question],
            Help = texts.QuestionHelp(question),
        };
        var prompt = question switch
        {
            0 or TopicQuestion => ChoicePrompt.DefaultId,
            3 => PhonePrompt.DefaultId,
            4 => EmailPrompt.DefaultId,
            5 => OutreachDatesPrompt.DefaultId,
            DetailQuestion => other ? OutreachPrompts.TopicOther : TextPrompt.DefaultId,
            8 => OutreachPrompts.Audience,
            LetterQuestion => AttachmentPrompt.DefaultId,
            _ => TextPrompt.DefaultId,
        };
        switch (question)
        {
            case 0:
                options.Choices =
                [
                    new(OutreachInstitutions.Village, texts.Institutions[OutreachInstitutions.Village], ["desa", "kelurahan", "dusun", "village"]),
                    new(OutreachInstitutions.School, texts.Institutions[OutreachInstitutions.School], ["sekolah", "sd", "smp", "sma", "smk", "madrasah", "school"]),
                    new(OutreachInstitutions.Other, texts.Institutions[OutreachInstitutions.Other], ["lainnya", "lain", "lembaga lain", "other"]),
                ];
                break;
            case 1:
                options.MaxLength = OutreachRules.MaxInstitutionLength;
                break;
            case 2:
                options.MaxLength = OutreachRules.MaxNameLength;
                options.PersonName = true;
                break;
            case 4:
                options.Optional = true;
                break;
            case TopicQuestion:
                options.Choices =
                [
                    .. _options.EffectiveTopics.Select(t => new Choice(t.Key, t.LabelFor(language))),
                    new(OutreachRules.OtherTopic, texts.OtherTopic, ["lainnya", "lain", "lain-lain", "other"]),
                ];
                break;
            case DetailQuestion:
                options.MaxLength = OutreachRules.MaxTopicDetailLength;
                options.QuestionsAreAnswers = true;
                break;
            case 8:
                options.MaxLength = OutreachRules.MaxAudienceLength;
                break;
            case LetterQuestion:
                options.ContentTypes = [.. OutreachRules.LetterTypes];
                options.MaxBytes = OutreachRules.MaxLetterBytes;
                break;
        }

        return step.PromptAsync(prompt, options);
    }

    private static void Keep(OutreachFormState state, int question, object answer)
    {
        switch (question, answer)
        {
            case (0, Choice kind): state.InstitutionKind = kind.Value; break;
            case (1, string name): state.InstitutionName = name.Trim(); break;
            case (2, string name): state.ContactName = name.Trim(); break;
            case (3, string phone): state.ContactPhone = phone; break;
            case (4, string email):
                state.EmailAnswered = true;
                state.ContactEmail = email.Length == 0 ? null : email;
                break;
            case (5, string dates): state.PreferredDates = dates; break;
            case (TopicQuestion, Choice topic): state.Topic = topic.Value; break;
            case (DetailQuestion, string detail):
                state.DetailAnswered = true;
                state.TopicDetail = state.Topic != OutreachRules.OtherTopic && Utterances.DeclinesToAnswer(detail) ? null : detail.Trim();
                break;
            case (8, string audience):
                state.Audience = audience.Trim();
                state.AudienceSize = OutreachPrompts.AudienceSize(audience);
                break;
            case (LetterQuestion, StoredAttachmentResult letter): KeepLetter(state, letter.File); break;
        }
    }

    private static void KeepLetter(OutreachFormState state, Domain.Conversations.StoredAttachment file)
    {
        state.LetterPath = file.StoragePath;
        state.LetterContentType = file.ContentType;
        state.LetterBytes = file.Size;
    }

    private Task<DialogTurnResult> ShowSummaryAsync(WaterfallStepContext<OutreachFormState> step)
    {
        var language = step.Dc.Language;
        var texts = OutreachTexts.For(language);
        var s = step.State;
        string[] values =
        [
            s.InstitutionKind is { } kind ? texts.Institutions[kind] : texts.NotSet,
            s.InstitutionName ?? texts.NotSet,
            s.ContactName ?? texts.NotSet,
            s.ContactPhone ?? texts.NotSet,
            s.ContactEmail ?? (s.EmailAnswered ? texts.NoEmail : texts.NotSet),
            s.PreferredDates is { } dates ? texts.Dates(dates) : texts.NotSet,
            TopicLabel(s.Topic, language) ?? texts.NotSet,
            s.TopicDetail ?? (s.DetailAnswered ? texts.NoTopicDetail : texts.NotSet),
            s.Audience ?? texts.NotSet,
            LetterLabel(s) ?? texts.NotSet,
        ];
        var lines = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            lines.Append(i + 1).Append(". ").Append(texts.ItemLabels[i]).Append(": ").AppendLine(values[i]);
        }

        return Summary.AskAsync(step, $"{texts.Summary(lines.ToString().TrimEnd())}\n\n{texts.SummaryHint}", ItemCount, retry: texts.SummaryHint);
    }

    /// <summary>How a topic key reads in <paramref name="language"/> (a key no longer on the list reads as itself).</summary>
    public string? TopicLabel(string? key, string language) => key switch
    {
        null => null,
        OutreachRules.OtherTopic => OutreachTexts.For(language).OtherTopic,
        _ => _options.Topic(key)?.LabelFor(language) ?? key,
    };

    private static string? LetterLabel(OutreachFormState s) => s.LetterContentType switch
    {
        null => null,
        "application/pdf" => $"PDF {Math.Max(1, s.LetterBytes / 1024)} KB",
        var type => $"{type.Split('/')[^1].ToUpperInvariant()} {Math.Max(1, s.LetterBytes / 1024)} KB",
    };

    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext<OutreachFormState> step, Answer<SummaryAnswer> answer)
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
        var request = new OutreachRequest
        {
            OfficeId = dc.Office.Id,
            Code = "",
            ConversationId = dc.Conversation.Id,
            Language = dc.Language,
            Status = OutreachStatus.Submitted,
            InstitutionKind = s.InstitutionKind!,
            InstitutionName = s.InstitutionName!,
            ContactName = s.ContactName,
            ContactPhone = s.ContactPhone,
            ContactEmail = s.ContactEmail,
            PreferredDates = s.PreferredDates!,
            Topic = s.Topic!,
            TopicDetail = s.TopicDetail,
            Audience = s.Audience!,
            AudienceSize = s.AudienceSize,
            LetterPath = s.LetterPath,
            LetterContentType = s.LetterContentType,
            LetterBytes = s.LetterBytes,
            ReceivedAt = dc.UtcNow,
        };
        await RequestDesk.FileAsync(dc.Work, _type, request, code => request.Code = code);
        var texts = OutreachTexts.For(dc.Language);
        dc.Say(texts.Submitted(request.Code, texts.When(dc.Office, dc.UtcNow), dc.Office.Phone));
        // The request has no id before the turn commits: the console lists it on this event.
        dc.Raise(new RecordChanged(OutreachRequests.Kind, dc.Office.Id, "outreach/new"));
        return await step.EndAsync(null);
    }

    private static int? FirstMissing(OutreachFormState s)
    {
        var index = Array.FindIndex(s.Items(), v => v is null);
        return index < 0 ? null : index + 1;
    }

    public override string? CancelNotice(DialogContext dc, DialogInstance instance) =>
        DialogContext.ReadState<WaterfallState<OutreachFormState>>(instance).Values.ItemsFilled() == 0 ? null : OutreachTexts.For(dc.Language).NotSent;

    public override string? LeaveQuestion(DialogContext dc, DialogInstance instance)
    {
        var filled = DialogContext.ReadState<WaterfallState<OutreachFormState>>(instance).Values.ItemsFilled();
        return filled == 0 ? null : OutreachTexts.For(dc.Language).LeaveAsk(filled, ItemCount);
    }
}
