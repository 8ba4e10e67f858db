using CleanGames.Domain.Identity.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Identity;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("identity_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Key);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.DisplayName).HasMaxLength(Account.MaxDisplayNameLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
    }
}
