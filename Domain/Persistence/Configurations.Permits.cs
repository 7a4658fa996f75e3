using ChatBot.Domain.Clients;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Permits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class TravelPermitConfiguration : IEntityTypeConfiguration<TravelPermit>
{
    public void Configure(EntityTypeBuilder<TravelPermit> b)
    {
        b.ToTable("TravelPermits");
        b.Property(p => p.Code).HasMaxLength(16);
        b.Property(p => p.Language).HasMaxLength(8);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ApplicantName).HasMaxLength(100);
        b.Property(p => p.ApplicantRelationship).HasMaxLength(16);
        b.Property(p => p.DestinationTown).HasMaxLength(100);
        b.Property(p => p.DestinationAddress).HasMaxLength(300);
        b.Property(p => p.Purpose).HasMaxLength(500);
        b.Property(p => p.ContactPhone).HasMaxLength(20);
        b.Property(p => p.RequestFilePath).HasMaxLength(1000);
        b.Property(p => p.RequestFileContentType).HasMaxLength(100);
        b.Property(p => p.TppMembers).HasMaxLength(1000);
        b.Property(p => p.RejectionReason).HasMaxLength(1000);
        b.Property(p => p.LetterNumber).HasMaxLength(100);
        b.Property(p => p.VerificationCode).HasMaxLength(TravelPermit.VerificationCodeLength);
        b.Property(p => p.SignerName).HasMaxLength(200);
        b.Property(p => p.LetterPath).HasMaxLength(1000);
        b.Property(p => p.ClientInitials).HasMaxLength(16);
        b.Property(p => p.RevocationReason).HasMaxLength(1000);
        b.Property(p => p.Revision).IsConcurrencyToken();
        b.HasIndex(p => p.Code).IsUnique();
        b.HasIndex(p => p.VerificationCode).IsUnique();
        b.HasIndex(p => new { p.OfficeId, p.LetterYear, p.LetterSequence }).IsUnique();
        b.HasIndex(p => new { p.OfficeId, p.Status });
        b.HasIndex(p => new { p.ErasedAt, p.ClosedAt });
        b.HasOne<Office>().WithMany().HasForeignKey(p => p.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Conversation>().WithMany().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.SetNull);
    }
}
