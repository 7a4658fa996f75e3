using ChatBot.Domain.Complaints;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.Code).HasMaxLength(ComplaintRules.CodeLength);
        b.Property(c => c.Category).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.FollowUpKind).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.AttachmentPath).HasMaxLength(1000);
        b.Property(c => c.AttachmentContentType).HasMaxLength(100);
        b.Property(c => c.AttachmentFileName).HasMaxLength(255);
        b.Property(c => c.ReporterName).HasMaxLength(200);
        b.Property(c => c.Direction).HasMaxLength(2000);
        b.Property(c => c.FollowUpNote).HasMaxLength(2000);
        b.Property(c => c.Answer).HasMaxLength(4000);
        b.Property(c => c.SurveyComment).HasMaxLength(1000);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => new { c.OfficeId, c.Status, c.ReceivedAt });
        b.HasIndex(c => c.ConversationId);
        b.HasOne(c => c.Conversation).WithMany().HasForeignKey(c => c.ConversationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Officer>().WithMany().HasForeignKey(c => c.ResponsibleOfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}
