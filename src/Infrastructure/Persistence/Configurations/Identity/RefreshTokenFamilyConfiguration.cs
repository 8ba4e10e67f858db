using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Identity;

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> builder)
    {
        builder.ToTable("identity_refresh_families");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasIndex(f => f.AccountId);
        builder.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.RevocationReason).HasMaxLength(32);

        // A refresh finds its family by the presented token's hash, current or previous: both indexed,
        // and the current one unique across all families.
        builder.Property(f => f.CurrentTokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.CurrentTokenHash).IsUnique();
        builder.Property(f => f.PreviousTokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.PreviousTokenHash);
        builder.Property(f => f.SealedCurrentToken).HasMaxLength(256);
    }
}
