using ChatBot.Domain.Clients;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> b)
    {
        b.ToTable("Clients");
        b.Property(c => c.RegistrationNumber).HasMaxLength(100);
        b.Property(c => c.NumberKey).HasMaxLength(Client.NumberLength);
        b.Property(c => c.FullName).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Town).HasMaxLength(100);
        b.Property(c => c.Programme).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.HasIndex(c => new { c.OfficeId, c.NumberKey }).IsUnique();
        b.HasIndex(c => new { c.OfficeId, c.PkOfficerId });
        b.HasIndex(c => new { c.OfficeId, c.Town });
        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Officer>().WithMany().HasForeignKey(c => c.PkOfficerId).OnDelete(DeleteBehavior.SetNull);
    }
}
