using ChatBot.Domain.Conversations;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatBot.Domain.Persistence;

internal sealed class LitmasCaseConfiguration : IEntityTypeConfiguration<LitmasCase>
{
    public void Configure(EntityTypeBuilder<LitmasCase> b)
    {
        b.ToTable("LitmasCases");
        b.Property(c => c.RegistrationNumber).HasMaxLength(100);
        b.Property(c => c.NumberKey).HasMaxLength(LitmasCase.NumberLength);
        b.Property(c => c.ClientName).HasMaxLength(200);
        b.Property(c => c.PkName).HasMaxLength(200);
        b.Property(c => c.RequestedBy).HasMaxLength(200);
        b.Property(c => c.Institution).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Stage).HasConversion(LitmasStageCodes.Converter).HasMaxLength(32);
        b.Property(c => c.Revision).IsConcurrencyToken();
        b.HasIndex(c => new { c.OfficeId, c.NumberKey }).IsUnique();
        b.HasIndex(c => new { c.OfficeId, c.Stage });
        b.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LitmasStageChangeConfiguration : IEntityTypeConfiguration<LitmasStageChange>
{
    public void Configure(EntityTypeBuilder<LitmasStageChange> b)
    {
        b.ToTable("LitmasStageChanges");
        b.Property(c => c.FromStage).HasConversion(LitmasStageCodes.NullableConverter).HasMaxLength(32);
        b.Property(c => c.ToStage).HasConversion(LitmasStageCodes.Converter).HasMaxLength(32);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.By).HasMaxLength(64);
        b.HasIndex(c => new { c.CaseId, c.Id });
        b.HasOne<LitmasCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LitmasSubscriptionConfiguration : IEntityTypeConfiguration<LitmasSubscription>
{
    public void Configure(EntityTypeBuilder<LitmasSubscription> b)
    {
        b.ToTable("LitmasSubscriptions");
        b.HasIndex(s => new { s.CaseId, s.ConversationId }).IsUnique();
        b.HasIndex(s => s.ConversationId);
        b.HasOne<LitmasCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Stages are stored as their public codes (<c>pk_ditunjuk</c>), the same as in CSV files.</summary>
internal static class LitmasStageCodes
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<LitmasStage, string> Converter =
        new(s => LitmasStages.Code(s), code => LitmasStages.Parse(code) ?? LitmasStage.Diterima);

    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<LitmasStage?, string?> NullableConverter =
        new(s => s == null ? null : LitmasStages.Code(s.Value), code => LitmasStages.Parse(code));
}
