namespace ChatBot.Domain.Persistence.Migrations;

/// <summary>
/// Moves who took each step of existing complaints and integration requests into the shared request
/// history before the per-step columns go (migration <c>ServiceRequests</c>, both providers).
/// </summary>
internal static class RequestHistorySql
{
    private const string Insert = """INSERT INTO "RequestEvents" ("Kind", "Code", "OfficeId", "Step", "FromStatus", "ToStatus", "OfficerId", "Actor", "At", "Note") """;

    public static readonly string[] Statements =
    [
        Insert + """SELECT 'complaint', c."Code", c."OfficeId", 'filed', NULL, 'Received', NULL, 'warga', c."ReceivedAt", NULL FROM "Complaints" c""",
        Insert + """SELECT 'complaint', c."Code", c."OfficeId", 'review', 'Received', 'Reviewed', c."ReviewedByOfficerId", COALESCE(o."UserName", '-'), c."ReviewedAt", c."Direction" FROM "Complaints" c LEFT JOIN "Officers" o ON o."Id" = c."ReviewedByOfficerId" WHERE c."ReviewedAt" IS NOT NULL""",
        Insert + """SELECT 'complaint', c."Code", c."OfficeId", 'follow-up', 'Reviewed', 'FollowedUp', c."FollowedUpByOfficerId", COALESCE(o."UserName", '-'), c."FollowedUpAt", c."FollowUpNote" FROM "Complaints" c LEFT JOIN "Officers" o ON o."Id" = c."FollowedUpByOfficerId" WHERE c."FollowedUpAt" IS NOT NULL""",
        Insert + """SELECT 'complaint', c."Code", c."OfficeId", 'answer', 'FollowedUp', 'Closed', c."ClosedByOfficerId", COALESCE(o."UserName", '-'), c."ClosedAt", c."Answer" FROM "Complaints" c LEFT JOIN "Officers" o ON o."Id" = c."ClosedByOfficerId" WHERE c."ClosedAt" IS NOT NULL""",
        Insert + """SELECT 'integration', r."ReferenceCode", r."OfficeId", 'filed', NULL, 'Submitted', NULL, 'warga', r."SubmittedAt", NULL FROM "IntegrationRequests" r""",
        Insert + """SELECT 'integration', r."ReferenceCode", r."OfficeId", 'verify', 'Submitted', 'Verified', o."Id", COALESCE(r."VerifiedBy", '-'), r."VerifiedAt", NULL FROM "IntegrationRequests" r LEFT JOIN "Officers" o ON o."UserName" = r."VerifiedBy" WHERE r."VerifiedAt" IS NOT NULL AND r."Outcome" <> 'NotInSdp'""",
        Insert + """SELECT 'integration', r."ReferenceCode", r."OfficeId", 'not-in-sdp', 'Submitted', 'Closed', o."Id", COALESCE(r."ClosedBy", '-'), r."ClosedAt", NULL FROM "IntegrationRequests" r LEFT JOIN "Officers" o ON o."UserName" = r."ClosedBy" WHERE r."ClosedAt" IS NOT NULL AND r."Outcome" = 'NotInSdp'""",
        Insert + """SELECT 'integration', r."ReferenceCode", r."OfficeId", 'answer', 'Verified', 'Closed', o."Id", COALESCE(r."ClosedBy", '-'), r."ClosedAt", NULL FROM "IntegrationRequests" r LEFT JOIN "Officers" o ON o."UserName" = r."ClosedBy" WHERE r."ClosedAt" IS NOT NULL AND r."Outcome" = 'Answered'""",
    ];
}
