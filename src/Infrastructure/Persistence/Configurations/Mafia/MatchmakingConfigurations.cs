using CleanGames.Domain.Mafia.Matchmaking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Mafia;

internal sealed class QueueEntryConfiguration : IEntityTypeConfiguration<QueueEntry>
{
    public void Configure(EntityTypeBuilder<QueueEntry> builder)
    {
        builder.ToTable("mafia_queue");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Mode).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Languages).HasMaxLength(QueueEntry.MaxLanguages * 3).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(e => e.LanguageCodes);
        builder.Ignore(e => e.IsWaiting);

        // One waiting entry per player (two joins racing cannot both land), and the matcher's scan of the waiting, oldest first.
        builder.HasIndex(e => e.AccountId).IsUnique().HasFilter("Status = 'Waiting'").HasDatabaseName("IX_mafia_queue_waiting_account");
        builder.HasIndex(e => e.JoinedAt).HasFilter("Status = 'Waiting'").HasDatabaseName("IX_mafia_queue_waiting");
    }
}
