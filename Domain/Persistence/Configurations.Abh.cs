using ChatBot.Domain.Abh;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class AbhRequestConfiguration : IEntityTypeConfiguration<AbhRequest>
{
    public void Configure(EntityTypeBuilder<AbhRequest> b)
    {
        b.ToTable("AbhRequests");
        b.Property(r => r.Code).HasMaxLength(16);
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.InstitutionKind).HasMaxLength(16);
        b.Property(r => r.InstitutionName).HasMaxLength(200);
        b.Property(r => r.InstitutionUnit).HasMaxLength(200);
        b.Property(r => r.RequesterName).HasMaxLength(100);
        b.Property(r => r.RequesterPhone).HasMaxLength(20);
        b.Property(r => r.ChildInitials).HasMaxLength(8);
        b.Property(r => r.HeldAt).HasMaxLength(300);
        b.Property(r => r.AllegedOffence).HasMaxLength(500);
        b.Property(r => r.LetterPath).HasMaxLength(1000);
        b.Property(r => r.LetterContentType).HasMaxLength(100);
        b.Property(r => r.AccompanimentPlace).HasMaxLength(300);
        b.Property(r => r.Revision).IsConcurrencyToken();
        b.HasIndex(r => r.Code).IsUnique();
        b.HasIndex(r => new { r.OfficeId, r.Status });
        b.HasIndex(r => new { r.ErasedAt, r.ClosedAt });
        b.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Conversation>().WithMany().HasForeignKey(r => r.ConversationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DutyShiftConfiguration : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> b)
    {
        b.ToTable("DutyShifts");
        b.HasIndex(s => new { s.OfficeId, s.StartsAt, s.EndsAt });
        b.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Officer>().WithMany().HasForeignKey(s => s.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AbhAlertConfiguration : IEntityTypeConfiguration<AbhAlert>
{
    public void Configure(EntityTypeBuilder<AbhAlert> b)
    {
        b.ToTable("AbhAlerts");
        b.Property(a => a.Waiting).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => new { a.AbhRequestId, a.Id });
        b.HasIndex(a => new { a.ResolvedAt, a.SentAt });
        b.HasOne<AbhRequest>().WithMany().HasForeignKey(a => a.AbhRequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Cascade);
    }
}
