using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChatBot.Domain.Persistence;

/// <summary>
/// The shared store. Each provider has a subclass (<see cref="SqliteChatBotDb"/>,
/// <see cref="PostgresChatBotDb"/>) so each keeps its own migrations; code depends on this type.
/// </summary>
public abstract class ChatBotDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Office> Offices => Set<Office>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();

    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();

    public DbSet<SimulatorSession> SimulatorSessions => Set<SimulatorSession>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<Handover> Handovers => Set<Handover>();

    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    public DbSet<FrequentQuestion> FrequentQuestions => Set<FrequentQuestion>();

    public DbSet<LookupAttempt> LookupAttempts => Set<LookupAttempt>();

    public DbSet<Inmate> Inmates => Set<Inmate>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitSchedule> VisitSchedules => Set<VisitSchedule>();

    public DbSet<Litmas.LitmasCase> LitmasCases => Set<Litmas.LitmasCase>();

    public DbSet<Litmas.LitmasStageChange> LitmasStageChanges => Set<Litmas.LitmasStageChange>();

    public DbSet<Litmas.LitmasSubscription> LitmasSubscriptions => Set<Litmas.LitmasSubscription>();

    public DbSet<Complaints.Complaint> Complaints => Set<Complaints.Complaint>();

    public DbSet<Integration.IntegrationRequest> IntegrationRequests => Set<Integration.IntegrationRequest>();

    public DbSet<Requests.RequestEvent> RequestEvents => Set<Requests.RequestEvent>();

    public DbSet<Clients.Client> Clients => Set<Clients.Client>();

    public DbSet<Permits.TravelPermit> TravelPermits => Set<Permits.TravelPermit>();

    public DbSet<Abh.AbhRequest> AbhRequests => Set<Abh.AbhRequest>();

    public DbSet<Abh.DutyShift> DutyShifts => Set<Abh.DutyShift>();

    public DbSet<Abh.AbhAlert> AbhAlerts => Set<Abh.AbhAlert>();

    public DbSet<Guidance.GuidanceSession> GuidanceSessions => Set<Guidance.GuidanceSession>();

    public DbSet<Guidance.GuidanceProposal> GuidanceProposals => Set<Guidance.GuidanceProposal>();

    public DbSet<Guidance.GuidanceInvitation> GuidanceInvitations => Set<Guidance.GuidanceInvitation>();

    public DbSet<Guidance.ClientReport> ClientReports => Set<Guidance.ClientReport>();

    public DbSet<Outreach.OutreachRequest> OutreachRequests => Set<Outreach.OutreachRequest>();

    public DbSet<Assessments.Assessment> Assessments => Set<Assessments.Assessment>();

    public DbSet<Assessments.AssessmentReminder> AssessmentReminders => Set<Assessments.AssessmentReminder>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; reading marks it so, whatever the provider returns.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
        // Enums as text: readable in the database and safe against reordering.
        configurationBuilder.Properties<ChannelKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ConversationMode>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<InboundStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboundKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OfficeType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OfficerRole>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<HandoverStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChatBotDb).Assembly);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>The SQLite store (default). Its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteChatBotDb(DbContextOptions<SqliteChatBotDb> options) : ChatBotDb(options);

/// <summary>The PostgreSQL store (several instances). Its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresChatBotDb(DbContextOptions<PostgresChatBotDb> options) : ChatBotDb(options);
