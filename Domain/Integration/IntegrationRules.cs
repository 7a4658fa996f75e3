using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Integration;

/// <summary>How a request is timed against the SOP.</summary>
public enum IntegrationTimeliness
{
    OnTime,
    Late,
}

/// <summary>The SOP's service standard for integration information, and the shapes of its values.</summary>
public static class IntegrationRules
{
    /// <summary>Verification against SDP: 3 minutes from submission.</summary>
    public static readonly ServiceStandard VerifyStandard = ServiceStandard.Minutes(3);

    /// <summary>Answering by WhatsApp and e-mail: 5 minutes from verification.</summary>
    public static readonly ServiceStandard AnswerStandard = ServiceStandard.Minutes(5);

    private static readonly TimeSpan VerifyBudget = VerifyStandard.Clock;

    private static readonly TimeSpan AnswerBudget = AnswerStandard.Clock;

    /// <summary>Personal data is kept this long after the request closed.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(90);

    public const int ReferenceLength = 10;

    /// <summary>When the step the request waits for is due (null when closed).</summary>
    public static DateTime? DueAt(IntegrationRequest request) => request.Status switch
    {
        IntegrationRequestStatus.Submitted => request.SubmittedAt + VerifyBudget,
        IntegrationRequestStatus.Verified => (request.VerifiedAt ?? request.SubmittedAt) + AnswerBudget,
        _ => null,
    };

    /// <summary>
    /// On time while the waiting step is within its budget; a closed request is judged on both steps.
    /// </summary>
    public static IntegrationTimeliness Timeliness(IntegrationRequest request, DateTime nowUtc)
    {
        var verifiedAt = request.VerifiedAt ?? nowUtc;
        if (verifiedAt - request.SubmittedAt > VerifyBudget)
        {
            return IntegrationTimeliness.Late;
        }

        if (request.Status == IntegrationRequestStatus.Submitted)
        {
            return IntegrationTimeliness.OnTime;
        }

        var closedAt = request.ClosedAt ?? nowUtc;
        return closedAt - verifiedAt > AnswerBudget ? IntegrationTimeliness.Late : IntegrationTimeliness.OnTime;
    }
}
