using CleanGames.Domain.Identity.TelegramProofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Identity;

internal sealed class SpentTelegramProofConfiguration : IEntityTypeConfiguration<SpentTelegramProof>
{
    public void Configure(EntityTypeBuilder<SpentTelegramProof> builder)
    {
        builder.ToTable("identity_spent_telegram_proofs");
        // The hash is the key: of two sign-ins saving one proof, the database lets one through.
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("Hash").HasMaxLength(64).ValueGeneratedNever();
        builder.HasIndex(p => p.ExpiresAt);
    }
}
