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
        builder.HasIndex(a => a.Key).IsUnique();

        builder.Property(a => a.Email).HasMaxLength(Account.MaxEmailLength);
        builder.Property(a => a.NormalizedEmail).HasMaxLength(Account.MaxEmailLength);
        builder.HasIndex(a => a.NormalizedEmail).IsUnique();
        builder.Property(a => a.Username).HasMaxLength(Account.MaxUsernameLength);
        builder.Property(a => a.NormalizedUsername).HasMaxLength(Account.MaxUsernameLength);
        builder.HasIndex(a => a.NormalizedUsername).IsUnique();
        builder.Property(a => a.PasswordHash).HasMaxLength(512);
        builder.Property(a => a.DisplayName).HasMaxLength(Account.MaxDisplayNameLength);
        builder.Property(a => a.AvatarUrl).HasMaxLength(1024);
        builder.Property(a => a.Roles).HasConversion<int>();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(a => a.EffectiveDisplayName);
        builder.Ignore(a => a.IsBanned);

        builder.OwnsOne(a => a.Telegram, telegram =>
        {
            telegram.Property(t => t.TelegramId).HasColumnName("TelegramId");
            telegram.HasIndex(t => t.TelegramId).IsUnique();
            telegram.Property(t => t.Username).HasColumnName("TelegramUsername").HasMaxLength(64);
            telegram.Property(t => t.FirstName).HasColumnName("TelegramFirstName").HasMaxLength(256);
            telegram.Property(t => t.LastName).HasColumnName("TelegramLastName").HasMaxLength(256);
            telegram.Property(t => t.LanguageCode).HasColumnName("TelegramLanguageCode").HasMaxLength(16);
            telegram.Property(t => t.PhotoUrl).HasColumnName("TelegramPhotoUrl").HasMaxLength(1024);
            telegram.Property(t => t.IsPremium).HasColumnName("TelegramIsPremium");
        });
    }
}
