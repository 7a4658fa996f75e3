using ChatBot.Domain.Assessments;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class GuidanceSessionConfiguration : IEntityTypeConfiguration<GuidanceSession>
{
    public void Configure(EntityTypeBuilder<GuidanceSession> b)
    {
        b.ToTable("GuidanceSessions");
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Topic).HasMaxLength(300);
        b.Property(s => s.Place).HasMaxLength(300);
        b.Property(s => s.Town).HasMaxLength(100);
        b.Property(s => s.Revision).IsConcurrencyToken();
        b.HasIndex(s => new { s.OfficeId, s.StartsAt });
        b.HasIndex(s => new { s.Status, s.StartsAt });
        b.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Officer>().WithMany().HasForeignKey(s => s.CreatedByOfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GuidanceProposalConfiguration : IEntityTypeConfiguration<GuidanceProposal>
{
    public void Configure(EntityTypeBuilder<GuidanceProposal> b)
    {
        b.ToTable("GuidanceProposals");
        b.Property(p => p.Note).HasMaxLength(500);
        b.HasIndex(p => new { p.OfficeId, p.SessionId });
        b.HasIndex(p => new { p.ClientId, p.SessionId });
        b.HasOne<Office>().WithMany().HasForeignKey(p => p.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Officer>().WithMany().HasForeignKey(p => p.ProposedByOfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GuidanceSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GuidanceInvitationConfiguration : IEntityTypeConfiguration<GuidanceInvitation>
{
    public void Configure(EntityTypeBuilder<GuidanceInvitation> b)
    {
        b.ToTable("GuidanceInvitations");
        b.Property(i => i.Answer).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.AnswerText).HasMaxLength(500);
        b.Property(i => i.AttendanceNote).HasMaxLength(1000);
        b.Property(i => i.Revision).IsConcurrencyToken();
        b.HasIndex(i => new { i.SessionId, i.ClientId }).IsUnique();
        b.HasIndex(i => new { i.ConversationId, i.Answer });
        b.HasIndex(i => new { i.ClientId, i.Id });
        b.HasOne<GuidanceSession>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Client>().WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Officer>().WithMany().HasForeignKey(i => i.PkOfficerId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Conversation>().WithMany().HasForeignKey(i => i.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ClientReportConfiguration : IEntityTypeConfiguration<ClientReport>
{
    public void Configure(EntityTypeBuilder<ClientReport> b)
    {
        b.ToTable("ClientReports");
        b.Property(r => r.Period).HasMaxLength(7);
        b.Property(r => r.Answers).HasMaxLength(8000);
        b.Property(r => r.PhotoPath).HasMaxLength(1000);
        b.Property(r => r.PhotoContentType).HasMaxLength(100);
        b.Property(r => r.GuidanceNote).HasMaxLength(2000);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.HasIndex(r => new { r.ClientId, r.Period });
        b.HasIndex(r => new { r.OfficeId, r.Period });
        b.HasIndex(r => r.SessionId);
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<GuidanceSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Officer>().WithMany().HasForeignKey(r => r.ReviewedByOfficerId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OutreachRequestConfiguration : IEntityTypeConfiguration<OutreachRequest>
{
    public void Configure(EntityTypeBuilder<OutreachRequest> b)
    {
        b.ToTable("OutreachRequests");
        b.Property(r => r.Code).HasMaxLength(16);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.InstitutionKind).HasMaxLength(16);
        b.Property(r => r.InstitutionName).HasMaxLength(200);
        b.Property(r => r.ContactName).HasMaxLength(100);
        b.Property(r => r.ContactPhone).HasMaxLength(20);
        b.Property(r => r.ContactEmail).HasMaxLength(254);
        b.Property(r => r.PreferredDates).HasMaxLength(300);
        b.Property(r => r.Topic).HasMaxLength(32);
        b.Property(r => r.TopicDetail).HasMaxLength(500);
        b.Property(r => r.Audience).HasMaxLength(300);
        b.Property(r => r.LetterPath).HasMaxLength(1000);
        b.Property(r => r.LetterContentType).HasMaxLength(100);
        b.Property(r => r.TeamOfficerIds).HasMaxLength(200);
        b.Property(r => r.ReportText).HasMaxLength(2000);
        b.Property(r => r.ReportPhotos).HasMaxLength(8000);
        b.Property(r => r.DeclineReason).HasMaxLength(1000);
        b.Property(r => r.SurveyComment).HasMaxLength(1000);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.HasIndex(r => r.Code).IsUnique();
        b.HasIndex(r => new { r.OfficeId, r.Status });
        b.HasIndex(r => new { r.ErasedAt, r.ClosedAt });
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("Assessments");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Risk).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Needs).HasMaxLength(1000);
        b.Property(a => a.Recommendation).HasMaxLength(4000);
        b.Property(a => a.DocumentPath).HasMaxLength(1000);
        b.Property(a => a.DocumentContentType).HasMaxLength(100);
        b.HasIndex(a => new { a.ClientId, a.AssessedOn });
        b.HasIndex(a => new { a.OfficeId, a.AssessedOn });
        b.HasOne<Office>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Officer>().WithMany().HasForeignKey(a => a.AssessorOfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LitmasCase>().WithMany().HasForeignKey(a => a.LitmasCaseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AssessmentReminderConfiguration : IEntityTypeConfiguration<AssessmentReminder>
{
    public void Configure(EntityTypeBuilder<AssessmentReminder> b)
    {
        b.ToTable("AssessmentReminders");
        b.Property(r => r.Stage).HasMaxLength(8);
        b.HasIndex(r => new { r.ClientId, r.DueOn, r.Stage }).IsUnique();
        b.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Officer>().WithMany().HasForeignKey(r => r.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}
