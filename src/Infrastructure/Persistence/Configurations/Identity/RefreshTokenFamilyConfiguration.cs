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

        builder.OwnsMany(f => f.Tokens, token =>
        {
            token.ToTable("identity_refresh_tokens");
            token.WithOwner().HasForeignKey("FamilyId");
            // The hash is the lookup key of every refresh: unique across all families.
            token.HasKey(t => t.Hash);
            token.Property(t => t.Hash).HasMaxLength(64).ValueGeneratedNever();
            token.HasIndex("FamilyId");
        });
        builder.Navigation(f => f.Tokens).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
