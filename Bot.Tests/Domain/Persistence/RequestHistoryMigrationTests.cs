using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatBot.Bot.Tests.Domain.Persistence;

/// <summary>
/// Upgrading a store that already holds handled complaints and integration requests keeps who took
/// each step: the migration that introduced the shared request history fills it from the old columns.
/// </summary>
public sealed class RequestHistoryMigrationTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public Task On_sqlite_the_steps_taken_before_the_upgrade_are_in_the_history() =>
        UpgradeAsync(new StoreOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(_directory, "old.db")}" });

    [Fact]
    public async Task On_postgres_the_steps_taken_before_the_upgrade_are_in_the_history() =>
        await UpgradeAsync(new StoreOptions { Provider = DatabaseProvider.Postgres, ConnectionString = await postgres.CreateDatabaseAsync() });

    private static async Task UpgradeAsync(StoreOptions options)
    {
        var factory = new ChatBotDbFactory(options);
        await using (var db = factory.CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_ServiceRequests", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            foreach (var statement in OldRows)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            await db.Database.MigrateAsync();
        }

        await using var check = factory.CreateDbContext();
        var complaint = await check.RequestEvents.Where(e => e.Kind == "complaint" && e.Code == "ADU-7K3P9Q").OrderBy(e => e.At).ToListAsync();
        Assert.Equal(["filed", "review", "follow-up", "answer"], complaint.Select(e => e.Step));
        Assert.Equal(["warga", "kepala", "kasubsi", "kasubsi"], complaint.Select(e => e.Actor));
        Assert.Equal([null, 2, 3, 3], complaint.Select(e => e.OfficerId));
        Assert.Equal("Ganti kursinya.", complaint[1].Note);

        var integration = await check.RequestEvents.Where(e => e.Kind == "integration").OrderBy(e => e.Code).ThenBy(e => e.At).ToListAsync();
        Assert.Equal(
            [("INF-AAAAAA", "filed", "warga"), ("INF-AAAAAA", "verify", "kasubsi"), ("INF-AAAAAA", "answer", "kasubsi"), ("INF-BBBBBB", "filed", "warga"), ("INF-BBBBBB", "not-in-sdp", "kepala")],
            integration.Select(e => (e.Code, e.Step, e.Actor)));
        Assert.Equal(3, integration[2].OfficerId);
    }

    private static readonly string[] OldRows =
    [
        """INSERT INTO "Offices" ("Id", "Code", "Name", "Type", "TimeZoneId", "Services", "OpensAt", "ClosesAt", "WorkDays", "IsDefault") VALUES (1, 'UPT', 'Rutan', 'Rutan', 'Asia/Jakarta', 1023, '08:00:00', '16:00:00', 62, TRUE)""",
        """INSERT INTO "Officers" ("Id", "UserName", "DisplayName", "Role", "OfficeId", "PasswordHash", "SecurityStamp", "FailedSignIns", "Active", "CreatedAt") VALUES (2, 'kepala', 'Kepala', 'Kepala', 1, 'x', 's', 0, TRUE, '2026-11-01 00:00:00')""",
        """INSERT INTO "Officers" ("Id", "UserName", "DisplayName", "Role", "OfficeId", "PasswordHash", "SecurityStamp", "FailedSignIns", "Active", "CreatedAt") VALUES (3, 'kasubsi', 'Kasubsi', 'ServiceOfficer', 1, 'x', 's', 0, TRUE, '2026-11-01 00:00:00')""",
        """INSERT INTO "Conversations" ("Id", "OfficeId", "Channel", "UserAddress", "Language", "Mode", "CreatedAt", "LastInboundAt", "LastActivityAt", "Revision") VALUES (1, 1, 'WhatsApp', '+6281200000001', 'id', 'Bot', '2026-11-02 01:00:00', '2026-11-02 01:00:00', '2026-11-02 01:00:00', 0)""",
        """INSERT INTO "Complaints" ("Code", "OfficeId", "ConversationId", "Channel", "Category", "Description", "Anonymous", "Status", "ReceivedAt", "VerificationDue", "AnswerDue", "ReviewedAt", "ReviewedByOfficerId", "Direction", "ResponsibleOfficerId", "FollowedUpAt", "FollowedUpByOfficerId", "FollowUpKind", "FollowUpNote", "ClosedAt", "ClosedByOfficerId", "Answer", "Revision") VALUES ('ADU-7K3P9Q', 1, 1, 'WhatsApp', 'Facilities', 'Kursi rusak.', FALSE, 'Closed', '2026-11-02 01:00:00', '2026-11-05', '2026-11-20', '2026-11-02 02:00:00', 2, 'Ganti kursinya.', 3, '2026-11-03 02:00:00', 3, 'Fix', 'Diganti.', '2026-11-04 02:00:00', 3, 'Sudah diganti.', 3)""",
        """INSERT INTO "IntegrationRequests" ("OfficeId", "ReferenceCode", "ConversationId", "Language", "Status", "Outcome", "Relationship", "Programme", "KtpBytes", "ConsentedAt", "DeclaredAt", "SubmittedAt", "VerifiedAt", "VerifiedBy", "ClosedAt", "ClosedBy", "Revision") VALUES (1, 'INF-AAAAAA', 1, 'id', 'Closed', 'Answered', 'family', 'Pb', 0, '2026-11-02 01:00:00', '2026-11-02 01:00:00', '2026-11-02 01:00:00', '2026-11-02 01:02:00', 'kasubsi', '2026-11-02 01:05:00', 'kasubsi', 2)""",
        """INSERT INTO "IntegrationRequests" ("OfficeId", "ReferenceCode", "ConversationId", "Language", "Status", "Outcome", "Relationship", "Programme", "KtpBytes", "ConsentedAt", "DeclaredAt", "SubmittedAt", "VerifiedAt", "VerifiedBy", "ClosedAt", "ClosedBy", "Revision") VALUES (1, 'INF-BBBBBB', 1, 'id', 'Closed', 'NotInSdp', 'family', 'Cb', 0, '2026-11-02 01:00:00', '2026-11-02 01:00:00', '2026-11-02 01:00:00', '2026-11-02 01:02:00', 'kepala', '2026-11-02 01:02:00', 'kepala', 1)""",
    ];
}
