using System.Globalization;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Sla;

namespace ChatBot.Domain.Outreach;

/// <summary>The SOP's service standards for an outreach request (Bambang Solah), and the shapes of its values.</summary>
public static class OutreachRules
{
    /// <summary>Received and registered by the office: 30 minutes from receipt.</summary>
    public static readonly ServiceStandard RegisterStandard = ServiceStandard.Minutes(30);

    /// <summary>The head's disposition to a Kasubsi: 10 minutes.</summary>
    public static readonly ServiceStandard DisposeStandard = ServiceStandard.Minutes(10);

    /// <summary>The Kasubsi appoints the team: 5 minutes.</summary>
    public static readonly ServiceStandard AppointStandard = ServiceStandard.Minutes(5);

    public const long MaxLetterBytes = 2 * 1024 * 1024;

    /// <summary>The request letter: a PDF or a photo, its type read from its bytes.</summary>
    public static readonly IReadOnlyList<string> LetterTypes = ["application/pdf", "image/jpeg", "image/png"];

    /// <summary>The report's photos: JPEG or PNG, read from their bytes.</summary>
    public static readonly IReadOnlyList<string> PhotoTypes = ["image/jpeg", "image/png"];

    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    public const int MaxPhotos = 10;

    public const int MaxPreferredDates = 3;

    public const int MaxInstitutionLength = 200;

    public const int MaxNameLength = 100;

    public const int MaxTopicDetailLength = 500;

    public const int MaxAudienceLength = 300;

    public const int MaxAudienceSize = 10_000;

    public const int MaxReportLength = 2000;

    public const int MaxDeclineLength = 1000;

    /// <summary>The most officers in one team (the ids must fit <see cref="OutreachRequest.TeamOfficerIds"/>).</summary>
    public const int MaxTeam = 10;

    /// <summary>The topic key of a topic the requester writes themselves.</summary>
    public const string OtherTopic = "other";

    /// <summary>
    /// Roles that handle outreach requests and so see the contact person's data, the letter and the report:
    /// the head (dispositions), the Kasubsi (appoints the team), PKs (the team), the service desk (registers) and admins.
    /// A visit officer does not.
    /// </summary>
    public static readonly IReadOnlyList<OfficerRole> Viewers =
        [OfficerRole.Admin, OfficerRole.Kepala, OfficerRole.Kasubsi, OfficerRole.Pk, OfficerRole.ServiceOfficer];

    public static readonly IReadOnlyList<OutreachStatus> Closed = [OutreachStatus.Reported, OutreachStatus.Declined];

    public static bool IsClosed(OutreachStatus status) => Closed.Contains(status);

    public static bool MayView(OfficerRole role) => Viewers.Contains(role);

    /// <summary>The team's officer ids in order (the first leads); empty when none.</summary>
    public static IReadOnlyList<int> Team(OutreachRequest request) =>
        string.IsNullOrWhiteSpace(request.TeamOfficerIds)
            ? []
            : [.. request.TeamOfficerIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0)
                .Where(id => id > 0)];

    public static string TeamIds(IEnumerable<int> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Whether <paramref name="officerId"/> is on the request's team.</summary>
    public static bool OnTeam(OutreachRequest request, int officerId) => Team(request).Contains(officerId);

    /// <summary>The preferred dates as stored (<c>2026-12-10, 2026-12-12</c>).</summary>
    public static string FormatDates(IEnumerable<DateOnly> dates) =>
        string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>The stored preferred dates read back; what cannot be read is left out.</summary>
    public static IReadOnlyList<DateOnly> ParseDates(string? stored) =>
        string.IsNullOrWhiteSpace(stored)
            ? []
            : [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
                .OfType<DateOnly>()];
}

/// <summary>Who asks for the session (<see cref="OutreachRequest.InstitutionKind"/>).</summary>
public static class OutreachInstitutions
{
    public const string Village = "village";

    public const string School = "school";

    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Village, School, Other];
}
