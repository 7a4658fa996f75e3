using System.Text;
using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.Flows.Clients;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Sla;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>Typed state of the permit form: the answers so far (personal data, kept only after consent).</summary>
public sealed class TravelPermitFormState : ICorrectable
{
    public DateTime? ConsentedAt { get; set; }

    /// <summary>The item (1–10) being corrected from the summary; after it the summary is shown again.</summary>
    public int? Correcting { get; set; }

    /// <summary><c>self</c>, <c>lawyer</c> or <c>family</c>.</summary>
    public string? Relationship { get; set; }

    public string? ApplicantName { get; set; }

    public long? ClientId { get; set; }

    public string? ClientNumber { get; set; }

    public string? ClientInitials { get; set; }

    public string? DestinationTown { get; set; }

    public string? DestinationAddress { get; set; }

    public string? Purpose { get; set; }

    public DateOnly? DepartOn { get; set; }

    public DateOnly? ReturnOn { get; set; }

    public string? ContactPhone { get; set; }

    public string? FilePath { get; set; }

    public string? FileType { get; set; }

    public long FileBytes { get; set; }

    /// <summary>How many of the 10 items hold an answer.</summary>
    public int ItemsFilled() =>
        new object?[] { Relationship, ApplicantName, ClientId, DestinationTown, DestinationAddress, Purpose, DepartOn, ReturnOn, ContactPhone, FilePath }
            .Count(v => v is not null);
}

/// <summary>
/// The out-of-town permit request, one item at a time: consent first (nothing is kept without it), who
/// applies and as what (the client, their lawyer or family), the client identified by registration
/// number and birth date (<see cref="ClientIdentifyDialog"/>), the destination, the purpose, the dates
/// (not in the past, return after departure, at most <see cref="PermitOptions.MaxDays"/>), a phone, and the
/// signed request's photo or scan (JPG/PNG/PDF by its bytes, at most 2 MB). A numbered summary follows,
/// any item corrected by its number; agreeing files the request with an <c>IZN-</c> code. Until then
/// nothing is stored as a request: <c>menu</c> or <c>batal</c> asks first and may keep the answers as a draft.
/// </summary>
public sealed class TravelPermitFormDialog : WaterfallDialog<TravelPermitFormState>
{
    public const string DialogId = "travel-permit.form";

    public const int ItemCount = 10;

    public const long MaxFileBytes = 2 * 1024 * 1024;

    private readonly PermitOptions _options;
    private readonly RequestType<Domain.Permits.TravelPermit, TravelPermitStatus> _type;
    private readonly WorkingDayCalendar _calendar;

    public TravelPermitFormDialog(PermitOptions options, RequestType<Domain.Permits.TravelPermit, TravelPermitStatus> type, WorkingDayCalendar calendar)
        : base(DialogId)
    {
        _options = options;
        _type = type;
        _calendar = calendar;
        Steps(
            Step(AskConsentAsync),
            Step<bool>(AskRelationshipAsync),
            Step<Choice>(AskApplicantNameAsync),
            Step<string>(IdentifyClientAsync),
            Step<ClientIdentification>(AskTownAsync),
            Step<string>(AskAddressAsync),
            Step<string>(AskPurposeAsync),
            Step<string>(AskDepartureAsync),
            Step<DateOnly>(AskReturnAsync),
            Step<DateOnly>(AskPhoneAsync),
            Step<string>(AskFileAsync),
            Step<StoredAttachmentResult>(ShowSummaryAsync),
            Step<SummaryAnswer>(SubmitAsync));
    }

    /// <summary>E-mail: one answer per line (the identification's questions too).</summary>
    public override bool AcceptsSeveralAnswersPerMessage => true;

    /// <summary>The step that asks each item (1–10).</summary>
    private static string ItemStep(int item) => item switch
    {
        1 => nameof(AskRelationshipAsync),
        2 => nameof(AskApplicantNameAsync),
        3 => nameof(IdentifyClientAsync),
        4 => nameof(AskTownAsync),
        5 => nameof(AskAddressAsync),
        6 => nameof(AskPurposeAsync),
        7 => nameof(AskDepartureAsync),
        8 => nameof(AskReturnAsync),
        9 => nameof(AskPhoneAsync),
        _ => nameof(AskFileAsync),
    };

    private Task<DialogTurnResult> AskConsentAsync(WaterfallStepContext<TravelPermitFormState> step) =>
        step.PromptAsync(ConfirmPrompt.DefaultId, new PromptOptions { Prompt = PermitTexts.For(step.Dc.Language).Consent((int)_options.Retention.TotalDays) });

    private static async Task<DialogTurnResult> AskRelationshipAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<bool> answer)
    {
        var dc = step.Dc;
        var texts = PermitTexts.For(dc.Language);
        if (answer.TryGet(out var agreed))
        {
            if (!agreed)
            {
                dc.Say(texts.NoConsent);
                return await step.EndAsync(null);
            }

            step.State.ConsentedAt ??= dc.UtcNow;
        }

        if (step.State.ConsentedAt is null)
        {
            return await step.GoToAsync(nameof(AskConsentAsync));
        }

        return await step.PromptAsync(ChoicePrompt.DefaultId, Ask(texts, 1, new PromptOptions
        {
            Choices =
            [
                new("self", texts.Relationships["self"], ["sendiri", "saya sendiri", "klien", "saya klien", "self", "client", "myself"]),
                new("lawyer", texts.Relationships["lawyer"], ["kuasa", .. RelationshipWords.Lawyer]),
                new("family", texts.Relationships["family"], RelationshipWords.Family),
            ],
        }));
    }

    private static async Task<DialogTurnResult> AskApplicantNameAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<Choice> answer)
    {
        if (answer.TryGet(out var relationship))
        {
            step.State.Relationship = relationship.Value;
            if (Summary.Corrected(step, 1))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        var texts = PermitTexts.For(step.Dc.Language);
        return await step.PromptAsync(TextPrompt.DefaultId, Ask(texts, 2, new PromptOptions { MaxLength = 100, PersonName = true }));
    }

    private static async Task<DialogTurnResult> IdentifyClientAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var name))
        {
            step.State.ApplicantName = name.Trim();
            if (Summary.Corrected(step, 2))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        return await step.BeginDialogAsync(ClientIdentifyDialog.DialogId);
    }

    private static async Task<DialogTurnResult> AskTownAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<ClientIdentification> answer)
    {
        var dc = step.Dc;
        var texts = PermitTexts.For(dc.Language);
        if (answer.TryGet(out var identified))
        {
            if (!identified.Found)
            {
                // Paused: the identification said why; nothing is filed.
                dc.Say(texts.ClientNotIdentified);
                return await step.EndAsync(null);
            }

            (step.State.ClientId, step.State.ClientNumber, step.State.ClientInitials) = (identified.ClientId, identified.RegistrationNumber, identified.Initials);
            if (Summary.Corrected(step, 3))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }
        else if (step.State.ClientId is null)
        {
            return await step.GoToAsync(nameof(IdentifyClientAsync));
        }

        return await step.PromptAsync(TextPrompt.DefaultId, Ask(texts, 4, new PromptOptions { MaxLength = 100 }));
    }

    private static async Task<DialogTurnResult> AskAddressAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var town))
        {
            step.State.DestinationTown = town.Trim();
            if (Summary.Corrected(step, 4))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        return await step.PromptAsync(TextPrompt.DefaultId, Ask(PermitTexts.For(step.Dc.Language), 5, new PromptOptions { MaxLength = 300 }));
    }

    private static async Task<DialogTurnResult> AskPurposeAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var address))
        {
            step.State.DestinationAddress = address.Trim();
            if (Summary.Corrected(step, 5))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        return await step.PromptAsync(TextPrompt.DefaultId, Ask(PermitTexts.For(step.Dc.Language), 6, new PromptOptions { MaxLength = 500 }));
    }

    private static async Task<DialogTurnResult> AskDepartureAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var purpose))
        {
            step.State.Purpose = purpose.Trim();
            if (Summary.Corrected(step, 6))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        return await step.PromptAsync(TravelDatePrompt.DefaultId, Ask(PermitTexts.For(step.Dc.Language), 7, new PromptOptions()));
    }

    private async Task<DialogTurnResult> AskReturnAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<DateOnly> answer)
    {
        var state = step.State;
        if (answer.TryGet(out var departOn))
        {
            state.DepartOn = departOn;
            // A new departure that still fits the return date given needs no new return date.
            if (Summary.Corrected(step, 7) && state.ReturnOn is { } returnOn && PermitRules.Check(departOn, returnOn, step.Dc.Today, _options.MaxDays) is null)
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        if (state.DepartOn is not { } depart)
        {
            return await step.GoToAsync(nameof(AskDepartureAsync));
        }

        return await step.PromptAsync(TravelDatePrompt.DefaultId, Ask(PermitTexts.For(step.Dc.Language), 8, new PromptOptions { Min = depart.DayNumber, Max = _options.MaxDays }));
    }

    private static async Task<DialogTurnResult> AskPhoneAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<DateOnly> answer)
    {
        if (answer.TryGet(out var returnOn))
        {
            step.State.ReturnOn = returnOn;
            if (Summary.Corrected(step, 8) || Summary.Corrected(step, 7))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        return await step.PromptAsync(PhonePrompt.DefaultId, Ask(PermitTexts.For(step.Dc.Language), 9, new PromptOptions()));
    }

    private static async Task<DialogTurnResult> AskFileAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<string> answer)
    {
        if (answer.TryGet(out var phone))
        {
            step.State.ContactPhone = phone;
            if (Summary.Corrected(step, 9))
            {
                return await step.GoToAsync(nameof(ShowSummaryAsync));
            }
        }

        return await step.PromptAsync(AttachmentPrompt.DefaultId, Ask(PermitTexts.For(step.Dc.Language), 10, new PromptOptions
        {
            ContentTypes = ["image/jpeg", "image/png", "application/pdf"],
            MaxBytes = MaxFileBytes,
        }));
    }

    private static PromptOptions Ask(PermitTexts texts, int item, PromptOptions options)
    {
        options.Prompt = texts.Questions[item];
        options.Help = texts.Helps.GetValueOrDefault(item);
        return options;
    }

    private static Task<DialogTurnResult> ShowSummaryAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<StoredAttachmentResult> answer)
    {
        var s = step.State;
        if (answer.TryGet(out var file))
        {
            (s.FilePath, s.FileType, s.FileBytes) = (file.File.StoragePath, file.File.ContentType, file.File.Size);
        }

        var texts = PermitTexts.For(step.Dc.Language);
        string[] values =
        [
            s.Relationship is { } r ? texts.Relationships[r] : texts.NotSet,
            s.ApplicantName ?? texts.NotSet,
            s.ClientNumber is { } number ? $"{number} ({s.ClientInitials})" : texts.NotSet,
            s.DestinationTown ?? texts.NotSet,
            s.DestinationAddress ?? texts.NotSet,
            s.Purpose ?? texts.NotSet,
            s.DepartOn is { } depart ? texts.Date(depart) : texts.NotSet,
            s.ReturnOn is { } back ? texts.Date(back) : texts.NotSet,
            s.ContactPhone ?? texts.NotSet,
            FileLabel(s) ?? texts.NotSet,
        ];
        var lines = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            lines.Append(i + 1).Append(". ").Append(texts.ItemLabels[i]).Append(": ").AppendLine(values[i]);
        }

        return Summary.AskAsync(step, $"{texts.Summary(lines.ToString().TrimEnd())}\n\n{texts.SummaryHint}", ItemCount, retry: texts.SummaryHint);
    }

    private static string? FileLabel(TravelPermitFormState s) => s.FileType switch
    {
        null => null,
        "application/pdf" => $"PDF {s.FileBytes / 1024} KB",
        var type => $"{type.Split('/')[^1].ToUpperInvariant()} {s.FileBytes / 1024} KB",
    };

    /// <summary>The summary's answer: a number corrects that item; agreeing files the request.</summary>
    private async Task<DialogTurnResult> SubmitAsync(WaterfallStepContext<TravelPermitFormState> step, Answer<SummaryAnswer> answer)
    {
        if (await Summary.CorrectAsync(step, answer, nameof(ShowSummaryAsync), ItemStep) is { } corrected)
        {
            return corrected;
        }

        var dc = step.Dc;
        var s = step.State;
        var texts = PermitTexts.For(dc.Language);
        // The dates were checked when given; a summary agreed to days later may hold a departure now past.
        if (s.DepartOn is not { } departOn || s.ReturnOn is not { } returnOn || PermitRules.Check(departOn, returnOn, dc.Today, _options.MaxDays) is not null)
        {
            dc.Say(texts.DepartureInPast);
            s.Correcting = 7;
            return await step.GoToAsync(nameof(AskDepartureAsync));
        }

        var permit = new Domain.Permits.TravelPermit
        {
            OfficeId = dc.Office.Id,
            Code = "",
            ConversationId = dc.Conversation.Id,
            Language = dc.Language,
            Status = TravelPermitStatus.Submitted,
            ClientId = s.ClientId,
            ClientInitials = s.ClientInitials,
            ApplicantName = s.ApplicantName,
            ApplicantRelationship = s.Relationship!,
            DestinationTown = s.DestinationTown,
            DestinationAddress = s.DestinationAddress,
            Purpose = s.Purpose,
            DepartOn = departOn,
            ReturnOn = returnOn,
            ContactPhone = s.ContactPhone,
            RequestFilePath = s.FilePath,
            RequestFileContentType = s.FileType,
            RequestFileBytes = s.FileBytes,
            SubmittedAt = dc.UtcNow,
        };
        await RequestDesk.FileAsync(dc.Work, _type, permit, code => permit.Code = code);
        var due = PermitRules.WholeStandard.DueDay(permit.SubmittedAt, dc.Office, _calendar);
        dc.Say(texts.Submitted(permit.Code, texts.Date(due)));
        return await step.EndAsync(null);
    }

    /// <summary>
    /// <c>menu</c> or <c>batal</c> once the person agreed: asked first, and the answers may be kept as a draft
    /// (<c>lanjut</c>, or choosing the service again, takes it up).
    /// </summary>
    public override string? LeaveQuestion(DialogContext dc, DialogInstance instance)
    {
        var state = DialogContext.ReadState<WaterfallState<TravelPermitFormState>>(instance).Values;
        return state.ConsentedAt is null ? null : PermitTexts.For(dc.Language).LeaveAsk(state.ItemsFilled(), ItemCount);
    }
}
