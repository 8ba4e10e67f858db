using CleanGames.Domain.Mafia.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Mafia;

internal sealed class BanConfiguration : IEntityTypeConfiguration<Ban>
{
    public void Configure(EntityTypeBuilder<Ban> builder)
    {
        builder.ToTable("moderation_bans");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Reason).HasMaxLength(Ban.MaxReasonLength).IsRequired();
        builder.Property(b => b.Evidence).HasMaxLength(Ban.MaxEvidenceLength);
        builder.Property(b => b.AppealText).HasMaxLength(Ban.MaxAppealLength);
        builder.Property(b => b.Notes).HasMaxLength(Ban.MaxNotesLength);
        builder.Property(b => b.AppealStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.EndReason).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(b => b.IsPermanent);

        // A player's bans in force (every standing check), and the expiry job's due bans.
        builder.HasIndex(b => new { b.UserId, b.EndedAt });
        builder.HasIndex(b => b.ExpiresAt, "IX_moderation_bans_due").HasFilter("EndedAt IS NULL AND ExpiresAt IS NOT NULL");

        // The moderators' queue of appeals: open ones oldest first, resolved ones newest first.
        builder.HasIndex(b => new { b.AppealStatus, b.AppealedAt });
    }
}

internal sealed class RestrictionConfiguration : IEntityTypeConfiguration<Restriction>
{
    public void Configure(EntityTypeBuilder<Restriction> builder)
    {
        builder.ToTable("moderation_restrictions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reason).HasMaxLength(Restriction.MaxReasonLength).IsRequired();
        builder.HasIndex(r => new { r.UserId, r.EndedAt });
        builder.HasIndex(r => r.ExpiresAt, "IX_moderation_restrictions_due").HasFilter("EndedAt IS NULL");
    }
}

internal sealed class PlayerWarningConfiguration : IEntityTypeConfiguration<PlayerWarning>
{
    public void Configure(EntityTypeBuilder<PlayerWarning> builder)
    {
        builder.ToTable("moderation_warnings");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Reason).HasMaxLength(Restriction.MaxReasonLength).IsRequired();
        builder.HasIndex(w => new { w.UserId, w.IssuedAt });
    }
}

internal sealed class ModerationLogEntryConfiguration : IEntityTypeConfiguration<ModerationLogEntry>
{
    public void Configure(EntityTypeBuilder<ModerationLogEntry> builder)
    {
        builder.ToTable("moderation_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(ModerationLogEntry.MaxDetailLength);
        builder.HasIndex(e => new { e.TargetUserId, e.At });
        builder.HasIndex(e => e.At);
    }
}
