using System.Linq.Expressions;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Requests;

/// <summary>What a step's deadline is measured from.</summary>
public enum StandardSince
{
    /// <summary>From when the person filed the request.</summary>
    Received,

    /// <summary>From the step before it (the last recorded one).</summary>
    PreviousStep,
}

/// <summary>What the person is told when a step is taken (through each channel the request type sends to).</summary>
/// <param name="Body">The message, in the person's language.</param>
/// <param name="Topic">Outbox topic (WhatsApp picks its Content template by it outside the 24-hour window).</param>
/// <param name="Kind">An officer's own words are <see cref="OutboundKind.Officer"/>; a status change is proactive.</param>
/// <param name="Attachment">A file sent with the notice (a permit letter); null for none.</param>
public sealed record RequestNotice(string Body, string Topic, OutboundKind Kind = OutboundKind.Proactive, NoticeFile? Attachment = null);

/// <summary>A file a notice carries: its path in private media storage, the name the person sees, its type.</summary>
public sealed record NoticeFile(string Path, string Name, string ContentType);

/// <summary>
/// A dialog to run in the person's conversation after a step (the satisfaction survey after an
/// answer): queued as a turn, since only the turn processor runs dialogs.
/// </summary>
public sealed record FollowUpTurn(string DialogId, string? Options);

/// <summary>What an officer sent with a step: a text, a chosen record (an official, a roster entry), an option, and the named fields of a step's own form.</summary>
public sealed record StepInput(string? Text = null, long? Reference = null, string? Choice = null, IReadOnlyDictionary<string, string>? Fields = null)
{
    /// <summary>A named field of the step's form, trimmed; empty when not sent.</summary>
    public string Field(string name) => Fields?.GetValueOrDefault(name)?.Trim() ?? "";
}

/// <summary>What a step's rule and change can see.</summary>
public sealed record StepContext<TRequest>(ChatBotDb Db, TRequest Request, Officer Officer, StepInput Input, DateTime Now, CancellationToken CancellationToken)
{
    /// <summary>The input's text, trimmed (validated against the step's limits before the step runs).</summary>
    public string Text => Input.Text?.Trim() ?? "";
}

/// <summary>
/// One step of a request type's SOP: from which states an officer in which roles may take it, the
/// state it leads to, its service standard, what it changes, and what the person is told.
/// </summary>
public sealed class RequestStep<TRequest, TStatus>
    where TRequest : class, IServiceRequest<TStatus>
    where TStatus : struct, Enum
{
    /// <summary>Stable name; the audit action is <c>{kind}.{name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>How the console names the step, in Indonesian.</summary>
    public required string Label { get; init; }

    public required IReadOnlyList<TStatus> From { get; init; }

    public required TStatus To { get; init; }

    /// <summary>Roles that may take the step.</summary>
    public IReadOnlyList<OfficerRole> Roles { get; init; } = [];

    /// <summary>Who else may take it on a given request (the official it was assigned to, say).</summary>
    public Func<TRequest, Officer, bool>? AlsoAllowed { get; init; }

    /// <summary>Within how long the step must be taken; none when the SOP gives no time.</summary>
    public ServiceStandard? Standard { get; init; }

    public StandardSince Since { get; init; } = StandardSince.Received;

    /// <summary>
    /// When set, the deadline is measured from when the step of this name was last taken instead
    /// (the PK starts within an hour of the head's disposition, two steps back); not measured before it.
    /// </summary>
    public string? SinceStep { get; init; }

    /// <summary>Working days before the deadline from which a waiting step is shown at risk; 0: never.</summary>
    public int AtRiskWithin { get; init; }

    /// <summary>Whether the step needs a text, and how long it may be.</summary>
    public bool TextRequired { get; init; }

    public int MaxTextLength { get; init; } = 2000;

    /// <summary>Options the officer picks one of (passed as <see cref="StepInput.Choice"/>): value and label.</summary>
    public IReadOnlyList<(string Value, string Label)> Choices { get; init; } = [];

    /// <summary>
    /// Checks what the step needs beyond the text and records the step's own data on the request.
    /// Returns null when done, or why it cannot be done (in Indonesian, for the officer).
    /// </summary>
    public Func<StepContext<TRequest>, Task<string?>> Apply { get; init; } = _ => Task.FromResult<string?>(null);

    /// <summary>What the step records in the history beside who and when.</summary>
    public Func<StepContext<TRequest>, string?> Note { get; init; } = c => c.Text.Length == 0 ? null : c.Text;

    /// <summary>What the person is told, in their language; null: nothing.</summary>
    public Func<TRequest, string, RequestNotice?>? Notice { get; init; }

    /// <summary>A dialog to start in the person's conversation after the step; null: none.</summary>
    public Func<TRequest, FollowUpTurn?>? Turn { get; init; }

    public bool MayTake(TRequest request, Officer officer) =>
        Roles.Contains(officer.Role) || (AlsoAllowed?.Invoke(request, officer) ?? false);

    public bool Waits(TStatus status) => From.Contains(status);
}

/// <summary>The parts of a request type the code that needs no status type uses (status by code, history, the console partial).</summary>
public interface IRequestType
{
    /// <summary>Stable name (<c>complaint</c>): history, audit actions, events, lookups.</summary>
    string Kind { get; }

    /// <summary>The code prefix (<c>ADU</c>).</summary>
    string Prefix { get; }

    /// <summary>The audit subject's name (<c>Complaint</c> for <c>Complaint/42</c>).</summary>
    string Subject { get; }

    /// <summary>The flow (dialog id) the person files it in: messages about it are tagged with it.</summary>
    string Flow { get; }

    /// <summary>The request with <paramref name="code"/> in <paramref name="officeId"/>, or null.</summary>
    Task<IServiceRequest?> FindByCodeAsync(ChatBotDb db, int officeId, string code, CancellationToken cancellationToken);

    /// <summary>What a person asking by code is told about the request, in their language.</summary>
    string StatusText(IServiceRequest request, Offices.Office office, string language);

    /// <summary>The sentences status questions are answered with when the request is not the asker's (the office asked is named in them).</summary>
    RequestStatusTexts StatusTexts(Offices.Office office, string language);

    /// <summary>How the console names the type, in Indonesian ("Pengaduan").</summary>
    string Label { get; }

    /// <summary>
    /// Where the console lists requests of this type when it has pages of its own (<c>/console/izin</c>;
    /// one request is at <c>{path}/{id}</c>); null: the generic request pages serve it.
    /// </summary>
    string? ConsolePath { get; }

    /// <summary>Roles that may open requests of this type in the console.</summary>
    IReadOnlyList<OfficerRole> Viewers { get; }

    /// <summary>The request, when <paramref name="viewer"/> may see it (<see cref="RequestType{TRequest, TStatus}.Visible"/>).</summary>
    Task<IServiceRequest?> FindAsync(ChatBotDb db, long id, Officer viewer, CancellationToken cancellationToken);

    /// <summary>Requests of an office not closed yet that <paramref name="viewer"/> may see, oldest first.</summary>
    Task<List<IServiceRequest>> OpenAsync(ChatBotDb db, IReadOnlyCollection<int> officeIds, Officer viewer, int limit, CancellationToken cancellationToken);

    /// <summary>What the console shows of a request beside its steps (nothing personal unless the viewer may see it).</summary>
    IReadOnlyList<(string Label, string Value)> Summary(IServiceRequest request);

    /// <summary>The request's state, as the console names it.</summary>
    string StatusLabel(IServiceRequest request);

    /// <summary>The steps <paramref name="officer"/> could take now.</summary>
    IReadOnlyList<RequestStepInfo> OpenSteps(IServiceRequest request, Officer officer);

    /// <summary>Every step's name and label, in the order of the step table (the audit log names <c>{kind}.{name}</c> by them).</summary>
    IReadOnlyList<(string Name, string Label)> StepLabels { get; }

    Task<RequestActionResult> ActAsync(RequestDesk desk, long id, string step, Officer officer, StepInput input, long? expectedRevision, CancellationToken cancellationToken);

    Task<RequestProgress> ProgressAsync(ChatBotDb db, IServiceRequest request, Offices.Office office, WorkingDayCalendar calendar, DateTime nowUtc, CancellationToken cancellationToken);
}

/// <summary>A step as a page shows its form: what it needs from the officer.</summary>
public sealed record RequestStepInfo(string Name, string Label, bool TextRequired, int MaxTextLength, IReadOnlyList<(string Value, string Label)> Choices);

/// <summary>
/// A kind of request, declared once: its code prefix, its step table and its notices. The desk
/// (<see cref="RequestDesk"/>) runs its officer steps, the status command answers by its code, the
/// console shows its steps and history from it.
/// </summary>
public sealed class RequestType<TRequest, TStatus> : IRequestType
    where TRequest : class, IServiceRequest<TStatus>
    where TStatus : struct, Enum
{
    public required string Kind { get; init; }

    public required string Prefix { get; init; }

    public required string Subject { get; init; }

    public required string Flow { get; init; }

    public required string Label { get; init; }

    public string? ConsolePath { get; init; }

    public IReadOnlyList<OfficerRole> Viewers { get; init; } = [];

    /// <summary>Which requests of its offices an officer may see at all (an extortion complaint: the head and whom the head made responsible); every one when null.</summary>
    public Func<Officer, Expression<Func<TRequest, bool>>>? Visible { get; init; }

    /// <summary>The requests of <paramref name="requests"/> that <paramref name="viewer"/> may see (<see cref="Visible"/>).</summary>
    public IQueryable<TRequest> SeenBy(IQueryable<TRequest> requests, Officer viewer) => Visible is null ? requests : requests.Where(Visible(viewer));

    /// <summary>What the console shows of a request beside its steps; nothing by default.</summary>
    public Func<TRequest, IReadOnlyList<(string Label, string Value)>> Describe { get; init; } = _ => [];

    /// <summary>How the console names each state; the state's own name by default.</summary>
    public Func<TStatus, string> StatusName { get; init; } = status => status.ToString();

    /// <summary>The sentences status questions are answered with when the request is not the asker's.</summary>
    public required Func<Offices.Office, string, RequestStatusTexts> NotFoundTexts { get; init; }

    /// <summary>How requests of this type are read, with whatever steps and notices need (the conversation, say).</summary>
    public required Func<ChatBotDb, IQueryable<TRequest>> Query { get; init; }

    /// <summary>The request with a given code (the code column differs between types).</summary>
    public required Func<IQueryable<TRequest>, string, IQueryable<TRequest>> WithCode { get; init; }

    public required IReadOnlyList<RequestStep<TRequest, TStatus>> Steps { get; init; }

    /// <summary>Where notices go: the conversation the request was filed from, unless the type says otherwise.</summary>
    public Func<ChatBotDb, TRequest, DateTime, CancellationToken, Task<IReadOnlyList<Conversation>>>? Recipients { get; init; }

    /// <summary>Channel extras of a notice (an e-mail subject, template variables); null: none.</summary>
    public Func<TRequest, Conversation, string?>? Payload { get; init; }

    /// <summary>What a person asking by code is told (in the office's time, in their language).</summary>
    public required Func<TRequest, Offices.Office, string, string> Status { get; init; }

    /// <summary>The step an officer asks for, by name; null when the type has none by that name.</summary>
    public RequestStep<TRequest, TStatus>? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);

    /// <summary>The steps an officer could take now (roles and state allowing).</summary>
    public IEnumerable<RequestStep<TRequest, TStatus>> Open(TRequest request, Officer officer) =>
        Steps.Where(s => s.Waits(request.Status) && s.MayTake(request, officer));

    public async Task<IServiceRequest?> FindByCodeAsync(ChatBotDb db, int officeId, string code, CancellationToken cancellationToken) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            WithCode(Query(db), code).Where(r => r.OfficeId == officeId), cancellationToken);

    public string StatusText(IServiceRequest request, Offices.Office office, string language) => Status((TRequest)request, office, language);

    public RequestStatusTexts StatusTexts(Offices.Office office, string language) => NotFoundTexts(office, language);

    public async Task<IServiceRequest?> FindAsync(ChatBotDb db, long id, Officer viewer, CancellationToken cancellationToken) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            SeenBy(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(Query(db)), viewer).Where(r => r.Id == id), cancellationToken);

    public async Task<List<IServiceRequest>> OpenAsync(ChatBotDb db, IReadOnlyCollection<int> officeIds, Officer viewer, int limit, CancellationToken cancellationToken)
    {
        var waiting = Steps.SelectMany(s => s.From).Distinct().ToList();
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            SeenBy(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(Query(db)), viewer)
                .Where(r => officeIds.Contains(r.OfficeId) && waiting.Contains(r.Status))
                .OrderBy(r => r.Id)
                .Take(limit),
            cancellationToken);
        return [.. rows];
    }

    public IReadOnlyList<(string Label, string Value)> Summary(IServiceRequest request) => Describe((TRequest)request);

    public string StatusLabel(IServiceRequest request) => StatusName(((TRequest)request).Status);

    public IReadOnlyList<RequestStepInfo> OpenSteps(IServiceRequest request, Officer officer) =>
        [.. Open((TRequest)request, officer).Select(s => new RequestStepInfo(s.Name, s.Label, s.TextRequired, s.MaxTextLength, s.Choices))];

    public IReadOnlyList<(string Name, string Label)> StepLabels => [.. Steps.Select(s => (s.Name, s.Label))];

    public Task<RequestActionResult> ActAsync(RequestDesk desk, long id, string step, Officer officer, StepInput input, long? expectedRevision, CancellationToken cancellationToken) =>
        Step(step) is null
            ? Task.FromResult(new RequestActionResult(RequestActionStatus.NotFound))
            : desk.ActAsync(this, id, step, officer, input, expectedRevision, cancellationToken);

    public Task<RequestProgress> ProgressAsync(ChatBotDb db, IServiceRequest request, Offices.Office office, WorkingDayCalendar calendar, DateTime nowUtc, CancellationToken cancellationToken) =>
        RequestProgress.LoadAsync(db, this, (TRequest)request, office, calendar, nowUtc, cancellationToken);
}
