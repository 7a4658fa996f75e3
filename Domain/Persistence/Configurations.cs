using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.TimeZoneId).HasMaxLength(64);
        b.Property(o => o.WhatsAppNumber).HasMaxLength(32);
        b.Property(o => o.EmailAddress).HasMaxLength(254);
        b.Property(o => o.Address).HasMaxLength(300);
        b.Property(o => o.Phone).HasMaxLength(32);
        b.Property(o => o.Holidays).HasMaxLength(4000);
        b.Property(o => o.AppliedDefaults).HasMaxLength(2000);
        b.HasOne<Office>().WithMany().HasForeignKey(o => o.RegionOfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.Code).IsUnique();
        b.Ignore(o => o.TimeZone);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.Property(c => c.UserAddress).HasMaxLength(254);
        b.Property(c => c.DisplayName).HasMaxLength(200);
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.HasOne(c => c.Office).WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.OfficeId, c.Channel, c.UserAddress }).IsUnique();
        b.HasIndex(c => new { c.Mode, c.LastActivityAt });
    }
}

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> b)
    {
        b.Property(m => m.ProviderMessageId).HasMaxLength(200);
        b.Property(m => m.From).HasMaxLength(254);
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.SenderName).HasMaxLength(200);
        b.Property(m => m.Note).HasMaxLength(500);
        b.Property(m => m.Flows).HasMaxLength(FlowTags.MaxLength);
        b.Property(m => m.MediaRefused).HasMaxLength(200);
        b.HasIndex(m => new { m.Channel, m.ProviderMessageId }).IsUnique();
        b.HasIndex(m => new { m.Status, m.Id });
        b.HasIndex(m => new { m.ConversationId, m.Id });
        b.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Conversation).WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<Requests.RequestEvent>
{
    public void Configure(EntityTypeBuilder<Requests.RequestEvent> b)
    {
        b.Property(e => e.Kind).HasMaxLength(32);
        b.Property(e => e.Code).HasMaxLength(16);
        b.Property(e => e.Step).HasMaxLength(32);
        b.Property(e => e.FromStatus).HasMaxLength(32);
        b.Property(e => e.ToStatus).HasMaxLength(32);
        b.Property(e => e.Actor).HasMaxLength(Audit.AuditEntry.MaxActorLength);
        b.Property(e => e.Note).HasMaxLength(4000);
        b.HasIndex(e => new { e.Kind, e.Code, e.Id });
        b.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> b)
    {
        b.Property(m => m.To).HasMaxLength(254);
        b.Property(m => m.From).HasMaxLength(254);
        b.Property(m => m.Topic).HasMaxLength(64);
        b.Property(m => m.ProviderMessageId).HasMaxLength(200);
        b.Property(m => m.ErrorCode).HasMaxLength(32);
        b.Property(m => m.ErrorMessage).HasMaxLength(1000);
        b.Property(m => m.Flows).HasMaxLength(FlowTags.MaxLength);
        b.Property(m => m.AttachmentPath).HasMaxLength(1000);
        b.Property(m => m.AttachmentName).HasMaxLength(200);
        b.Property(m => m.AttachmentContentType).HasMaxLength(100);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(m => new { m.Status, m.Id });
        // Due rows are found by time, not by position, so rows that wait never hold newer ones back.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
        b.HasIndex(m => new { m.ConversationId, m.Id });
        b.HasIndex(m => m.InboundMessageId);
        b.HasIndex(m => new { m.Channel, m.ProviderMessageId }).IsUnique();
        b.HasOne(m => m.Conversation).WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SimulatorSessionConfiguration : IEntityTypeConfiguration<SimulatorSession>
{
    public void Configure(EntityTypeBuilder<SimulatorSession> b)
    {
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.Property(s => s.Address).HasMaxLength(32);
        b.HasIndex(s => s.TokenHash).IsUnique();
        // One holder per number, also across instances: a second claim that races the first fails here.
        b.HasIndex(s => s.Address).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Actor).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.Subject).HasMaxLength(200);
        b.HasIndex(a => a.At);
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.Property(o => o.UserName).HasMaxLength(64);
        b.Property(o => o.DisplayName).HasMaxLength(200);
        b.Property(o => o.PasswordHash).HasMaxLength(256);
        b.Property(o => o.SecurityStamp).HasMaxLength(64);
        b.Property(o => o.Phone).HasMaxLength(20);
        b.Property(o => o.Email).HasMaxLength(254);
        b.HasIndex(o => o.UserName).IsUnique();
        b.HasOne<Office>().WithMany().HasForeignKey(o => o.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Handover>
{
    public void Configure(EntityTypeBuilder<Handover> b)
    {
        b.Property(h => h.Reason).HasMaxLength(200);
        b.Property(h => h.LeftMessage).HasMaxLength(4000);
        b.HasOne(h => h.Conversation).WithMany().HasForeignKey(h => h.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Office>().WithMany().HasForeignKey(h => h.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Officer>().WithMany().HasForeignKey(h => h.TakenByOfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => new { h.OfficeId, h.Status, h.RequestedAt });
        b.HasIndex(h => new { h.ConversationId, h.Status });
    }
}

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> b)
    {
        b.Property(c => c.Title).HasMaxLength(100);
        b.Property(c => c.Body).HasMaxLength(2000);
        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.OfficeId);
    }
}

internal sealed class FrequentQuestionConfiguration : IEntityTypeConfiguration<FrequentQuestion>
{
    public void Configure(EntityTypeBuilder<FrequentQuestion> b)
    {
        b.Property(q => q.Question).HasMaxLength(100);
        b.Property(q => q.Keywords).HasMaxLength(FrequentQuestion.MaxKeywordsLength);
        b.Property(q => q.Answer).HasMaxLength(FrequentQuestion.MaxAnswerLength);
        b.HasOne<Office>().WithMany().HasForeignKey(q => q.OfficeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => q.OfficeId);
    }
}

internal sealed class LookupAttemptConfiguration : IEntityTypeConfiguration<LookupAttempt>
{
    public void Configure(EntityTypeBuilder<LookupAttempt> b)
    {
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Sender).HasMaxLength(254);
        b.Property(a => a.Query).HasMaxLength(LookupThrottle.QueryLength);
        b.HasIndex(a => new { a.Kind, a.OfficeId, a.Channel, a.Sender, a.At });
        b.HasIndex(a => a.At);
    }
}
