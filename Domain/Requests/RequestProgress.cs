using System.Text.RegularExpressions;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Requests;

/// <summary>One row of a request's path: a step of its SOP, its deadline, and when and by whom it was taken.</summary>
/// <param name="Key">The state the step leads to, in kebab case (<c>followed-up</c>): the row's <c>data-step</c>.</param>
public sealed record StepRow(
    string Key,
    string Label,
    DateTime? DoneAt,
    string? Actor,
    int? OfficerId,
    string? Note,
    ServiceStandard? Standard,
    DateTime? DueUtc,
    Timeliness Timeliness);

/// <summary>
/// Where a request stands on its SOP: its steps in order with their service standards, deadlines and
/// timeliness, and its history (what the console's <c>_RequestSteps</c> partial shows of any request).
/// </summary>
public sealed partial class RequestProgress
{
    private RequestProgress(IReadOnlyList<StepRow> steps, IReadOnlyList<RequestEvent> history, Office office)
    {
        Steps = steps;
        History = history;
        Office = office;
    }

    public IReadOnlyList<StepRow> Steps { get; }

    public IReadOnlyList<RequestEvent> History { get; }

    public Office Office { get; }

    /// <summary>Some step still open is past its deadline.</summary>
    public bool Late => Steps.Any(s => s.DoneAt is null && s.Timeliness == Timeliness.Late);

    public static async Task<RequestProgress> LoadAsync<TRequest, TStatus>(
        ChatBotDb db,
        RequestType<TRequest, TStatus> type,
        TRequest request,
        Office office,
        WorkingDayCalendar calendar,
        DateTime nowUtc,
        CancellationToken cancellationToken)
        where TRequest : class, IServiceRequest<TStatus>
        where TStatus : struct, Enum
    {
        var history = await RequestDesk.HistoryAsync(db, type, request.Code, cancellationToken);
        var filed = history.FirstOrDefault(e => e.Step == "filed");
        var rows = new List<StepRow>
        {
            new(Key(filed?.ToStatus ?? "received"), "Diterima", request.ReceivedAt, filed?.Actor ?? Audit.Actor.Citizen.Name, null, null, null, null, Timeliness.OnTime),
        };

        // Steps skipped on the way to the end (an answer after "not in SDP") have nothing left to measure.
        var finished = !type.Steps.Any(s => s.Waits(request.Status));
        foreach (var step in type.Steps)
        {
            var done = history.LastOrDefault(e => e.Step == step.Name);
            DateTime? start = step.SinceStep is { } since
                ? history.LastOrDefault(e => e.Step == since && (done is null || e.Id < done.Id))?.At
                : step.Since == StandardSince.Received
                    ? request.ReceivedAt
                    : history.LastOrDefault(e => done is null || e.Id < done.Id)?.At ?? request.ReceivedAt;
            var due = start is { } from ? step.Standard?.DueUtc(from, office, calendar) : null;
            var timeliness = step.Standard is not { } standard || (done is null && finished)
                ? Timeliness.NotMeasured
                : standard.Measure(start, done?.At, nowUtc, office, calendar, step.AtRiskWithin);
            rows.Add(new StepRow(Key(step.To.ToString()), step.Label, done?.At, done?.Actor, done?.OfficerId, done?.Note, step.Standard, done is null && finished ? null : due, timeliness));
        }

        return new RequestProgress(rows, history, office);
    }

    /// <summary><c>FollowedUp</c> → <c>followed-up</c>.</summary>
    private static string Key(string status) => UpperAfterLower().Replace(status, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
