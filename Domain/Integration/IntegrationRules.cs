using System.Security.Cryptography;

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
    public static readonly TimeSpan VerifyBudget = TimeSpan.FromMinutes(3);

    /// <summary>Answering by WhatsApp and e-mail: 5 minutes from verification.</summary>
    public static readonly TimeSpan AnswerBudget = TimeSpan.FromMinutes(5);

    /// <summary>Personal data is kept this long after the request closed.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(90);

    public const int ReferenceLength = 10;

    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewReferenceCode() => "INF-" + RandomNumberGenerator.GetString(CodeAlphabet, 6);

    /// <summary>A code as people type it (<c>inf 7k2m9q</c>) in its stored form, or null.</summary>
    public static string? NormalizeReference(string? typed)
    {
        var letters = new string((typed ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        if (letters.StartsWith("INF", StringComparison.Ordinal))
        {
            letters = letters[3..];
        }

        return letters.Length == 6 && letters.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal)) ? "INF-" + letters : null;
    }

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
