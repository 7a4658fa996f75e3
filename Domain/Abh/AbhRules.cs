using System.Text;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Abh;

/// <summary>The SOP's service standards for ABH accompaniment, and the shapes of the values a request holds.</summary>
public static class AbhRules
{
    /// <summary>Received and handed to the head: 1 hour from receipt.</summary>
    public static readonly ServiceStandard HandStandard = ServiceStandard.Hours(1);

    /// <summary>The head's disposition to the Kasubsi BKA: 30 minutes.</summary>
    public static readonly ServiceStandard DisposeStandard = ServiceStandard.Minutes(30);

    /// <summary>The Kasubsi appoints a PK: 30 minutes.</summary>
    public static readonly ServiceStandard AppointStandard = ServiceStandard.Minutes(30);

    /// <summary>The PK starts within 1 hour of the disposition.</summary>
    public static readonly ServiceStandard StartStandard = ServiceStandard.Hours(1);

    /// <summary>Personal data and the letter are kept this long after the request closes, as for integration requests.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(90);

    /// <summary>A child is under 18 (UU SPPA); a request for someone older is not an ABH request.</summary>
    public const int MinChildAge = 1;

    public const int MaxChildAge = 17;

    public const long MaxLetterBytes = 2 * 1024 * 1024;

    /// <summary>The request letter: a photo or a PDF, its type read from its bytes by the channel.</summary>
    public static readonly IReadOnlyList<string> LetterTypes = ["application/pdf", "image/jpeg", "image/png"];

    public const int MaxInstitutionLength = 200;

    public const int MaxNameLength = 100;

    public const int MaxHeldAtLength = 300;

    public const int MaxOffenceLength = 500;

    public const int MaxPlaceLength = 300;

    /// <summary>Roles that handle ABH and so see the child's data and the letter (besides the officer on duty for the request).</summary>
    public static readonly IReadOnlyList<OfficerRole> HandlingRoles = [OfficerRole.Kepala, OfficerRole.Kasubsi, OfficerRole.Pk];

    /// <summary>The states in which a step is still waiting: alerts go out and escalate while a request is in one.</summary>
    public static readonly IReadOnlyList<AbhRequestStatus> Waiting =
        [AbhRequestStatus.Received, AbhRequestStatus.WithHead, AbhRequestStatus.Disposed, AbhRequestStatus.Appointed];

    public static bool HandlesAbh(OfficerRole role) => HandlingRoles.Contains(role);
}

/// <summary>Who asks for the accompaniment (<see cref="AbhRequest.InstitutionKind"/>).</summary>
public static class AbhInstitutions
{
    public const string Police = "police";

    public const string Prosecutor = "prosecutor";

    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Police, Prosecutor, Other];
}

/// <summary>What <see cref="ChildInitials.Read"/> made of a text.</summary>
public enum InitialsProblem
{
    None,

    /// <summary>Looks like a name (a word of several letters): only initials are taken.</summary>
    FullName,

    /// <summary>No letters, or too many for initials.</summary>
    Format,
}

/// <summary>
/// A child's initials as people type them ("A.R.", "a r", "AR", "M. F. A."): one to four letters, stored
/// as <c>A.R.</c>. A word of four or more letters, or of three that are not all capitals ("Ani",
/// "andi rahman"), is a name, and names are refused: of a child only the initials and the age are collected (UU PDP).
/// </summary>
public static class ChildInitials
{
    public const int MaxLetters = 4;

    public static (string? Initials, InitialsProblem Problem) Read(string? text)
    {
        var trimmed = (text ?? "").Trim().Trim('"', '\'', '*', '_');
        if (trimmed.Length == 0 || trimmed.Length > 40)
        {
            return (null, InitialsProblem.Format);
        }

        var tokens = trimmed.Split([' ', '.', ',', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        var letters = new StringBuilder();
        foreach (var token in tokens)
        {
            if (!token.All(char.IsLetter))
            {
                return (null, InitialsProblem.Format);
            }

            // "AR" or "MFA" typed together are initials; "Ani", "andi" or "BUDI" are a name.
            var together = token.Length == 2 || (token.Length == 3 && token.All(char.IsUpper));
            if (token.Length > 1 && !together)
            {
                return (null, InitialsProblem.FullName);
            }

            letters.Append(token.ToUpperInvariant());
        }

        if (letters.Length == 0)
        {
            return (null, InitialsProblem.Format);
        }

        if (letters.Length > MaxLetters)
        {
            return (null, tokens.Length > 1 && tokens.Any(t => t.Length > 1) ? InitialsProblem.FullName : InitialsProblem.Format);
        }

        return (string.Concat(letters.ToString().Select(c => $"{c}.")), InitialsProblem.None);
    }
}
