using CleanGames.Domain.Mafia.Social;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Mafia;

internal sealed class SocialGiftConfiguration : IEntityTypeConfiguration<SocialGift>
{
    public void Configure(EntityTypeBuilder<SocialGift> builder)
    {
        builder.ToTable("social_gifts");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.GiftType).HasMaxLength(SocialGift.MaxGiftTypeLength).IsRequired();

        // The stats count a player's gifts sent and received; the ledger transaction pays exactly one gift.
        builder.HasIndex(g => g.SenderId);
        builder.HasIndex(g => g.ReceiverId);
        builder.HasIndex(g => g.TransactionId).IsUnique();
    }
}

internal sealed class LinguisticRatingConfiguration : IEntityTypeConfiguration<LinguisticRating>
{
    public void Configure(EntityTypeBuilder<LinguisticRating> builder)
    {
        builder.ToTable("social_linguistic_ratings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Language).HasMaxLength(2).IsRequired();

        // Once per game, rater, rated player and language, even for two identical requests at once.
        builder.HasIndex(r => new { r.GameId, r.RaterId, r.RatedUserId, r.Language }).IsUnique();

        // The stats average a player's received scores per language.
        builder.HasIndex(r => new { r.RatedUserId, r.Language });
    }
}

internal sealed class PlayerReportConfiguration : IEntityTypeConfiguration<PlayerReport>
{
    public void Configure(EntityTypeBuilder<PlayerReport> builder)
    {
        builder.ToTable("social_reports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(PlayerReport.MaxReasonLength).IsRequired();
        builder.Property(r => r.Evidence).HasMaxLength(PlayerReport.MaxEvidenceLength);
        builder.Property(r => r.ResolutionNote).HasMaxLength(PlayerReport.MaxNoteLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);

        // Once per game, reporter and reported player.
        builder.HasIndex(r => new { r.GameId, r.ReporterId, r.ReportedUserId }).IsUnique();

        // The reports rule counts a player's open reports of the last day; the stats count reports sent.
        builder.HasIndex(r => new { r.ReportedUserId, r.Status, r.ReportedAt });
        builder.HasIndex(r => r.ReporterId);

        // The moderators' queue: open reports, oldest first; lifting an interim restriction finds its reports.
        builder.HasIndex(r => new { r.Status, r.ReportedAt });
        builder.HasIndex(r => r.InterimRestrictionId).HasFilter("InterimRestrictionId IS NOT NULL");
    }
}
