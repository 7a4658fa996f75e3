using ChatBot.Domain.Conversations;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class IntegrationRequestConfiguration : IEntityTypeConfiguration<IntegrationRequest>
{
    public void Configure(EntityTypeBuilder<IntegrationRequest> b)
    {
        b.ToTable("IntegrationRequests");
        b.Property(r => r.ReferenceCode).HasMaxLength(IntegrationRules.ReferenceLength);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Programme).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Relationship).HasMaxLength(16);
        b.Property(r => r.RequesterName).HasMaxLength(100);
        b.Property(r => r.Address).HasMaxLength(300);
        b.Property(r => r.Phone).HasMaxLength(20);
        b.Property(r => r.GuarantorName).HasMaxLength(100);
        b.Property(r => r.GuarantorRelationship).HasMaxLength(50);
        b.Property(r => r.GuarantorAddress).HasMaxLength(300);
        b.Property(r => r.GuarantorPhone).HasMaxLength(20);
        b.Property(r => r.InmateName).HasMaxLength(100);
        b.Property(r => r.Nik).HasMaxLength(16);
        b.Property(r => r.Email).HasMaxLength(254);
        b.Property(r => r.KtpPath).HasMaxLength(1000);
        b.Property(r => r.KtpContentType).HasMaxLength(100);
        b.Property(r => r.AnswerText).HasMaxLength(4000);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.HasIndex(r => r.ReferenceCode).IsUnique();
        b.HasIndex(r => new { r.OfficeId, r.Status });
        b.HasIndex(r => new { r.ErasedAt, r.ClosedAt });
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}
