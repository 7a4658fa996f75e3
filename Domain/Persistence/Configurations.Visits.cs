using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class InmateConfiguration : IEntityTypeConfiguration<Inmate>
{
    public void Configure(EntityTypeBuilder<Inmate> b)
    {
        b.ToTable("Inmates");
        b.Property(i => i.RegistrationNumber).HasMaxLength(64);
        b.Property(i => i.RegistrationKey).HasMaxLength(64);
        b.Property(i => i.FullName).HasMaxLength(200);
        b.Property(i => i.NameKey).HasMaxLength(200);
        b.Property(i => i.CellBlock).HasMaxLength(64);
        b.HasOne<Office>().WithMany().HasForeignKey(i => i.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.OfficeId, i.RegistrationKey }).IsUnique();
        b.HasIndex(i => new { i.OfficeId, i.NameKey });
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.Property(v => v.Code).HasMaxLength(16);
        b.Property(v => v.RequesterName).HasMaxLength(200);
        b.Property(v => v.Relationship).HasMaxLength(32);
        b.Property(v => v.CallNumber).HasMaxLength(32);
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(24);
        b.Ignore(v => v.SlotEnd);
        b.Ignore(v => v.IsActive);
        b.HasIndex(v => v.Code).IsUnique();
        // The guard against double booking: a place (office, slot, station) is held by one booking.
        // Cancelling clears the station, and NULLs never collide, so the place is free again.
        b.HasIndex(v => new { v.OfficeId, v.SlotStart, v.Station }).IsUnique();
        b.HasIndex(v => new { v.ConversationId, v.Status });
        b.HasIndex(v => new { v.InmateId, v.SlotStart });
        b.HasIndex(v => new { v.Status, v.ReminderQueuedAt, v.SlotStart });
        b.HasOne<Office>().WithMany().HasForeignKey(v => v.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(v => v.Inmate).WithMany().HasForeignKey(v => v.InmateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Conversation>().WithMany().HasForeignKey(v => v.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VisitScheduleConfiguration : IEntityTypeConfiguration<VisitSchedule>
{
    public void Configure(EntityTypeBuilder<VisitSchedule> b)
    {
        b.ToTable("VisitSchedules");
        b.HasKey(s => s.OfficeId);
        b.Property(s => s.OfficeId).ValueGeneratedNever();
        b.Property(s => s.Holidays).HasMaxLength(4000);
        b.Property(s => s.CallerNumber).HasMaxLength(32);
        b.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}
