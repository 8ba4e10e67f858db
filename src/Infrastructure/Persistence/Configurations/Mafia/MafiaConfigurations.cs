using CleanGames.Domain.Mafia.Economy;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using CleanGames.Domain.Mafia.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Mafia;

internal sealed class GameConfiguration : IEntityTypeConfiguration<Game>
{
    public void Configure(EntityTypeBuilder<Game> builder)
    {
        builder.ToTable("mafia_games");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Mode).HasMaxLength(32);
        builder.Property(g => g.Phase).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Winner).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.DealSeed).HasMaxLength(128);
        builder.Property(g => g.DealCommitment).HasMaxLength(128);
        builder.HasIndex(g => g.Phase);

        // The active-games list in its order, over unfinished games only: a page walks it from the
        // top, reading no ended game (they only accumulate) and sorting nothing. The filter is the
        // list's own condition (so SQLite can use the index for it), written so both providers read it.
        builder.HasIndex(g => new { g.StartedAt, g.Id })
            .IsDescending(true, false)
            .HasFilter("Phase <> 'Ended'")
            .HasDatabaseName("IX_mafia_games_active");

        // The rewards sweep reads ended games whose rewards are not credited yet, oldest first.
        builder.Property(g => g.RewardNote).HasMaxLength(200);
        builder.HasIndex(g => g.EndedAt)
            .HasFilter("Phase = 'Ended' AND RewardsCreditedAt IS NULL")
            .HasDatabaseName("IX_mafia_games_rewards_due");

        // The rewards guard counts a player's rewarded games of the UTC day when a game starts.
        builder.HasIndex(g => g.EndedAt, "IX_mafia_games_ended");

        builder.Ignore(g => g.IsOver);
        builder.Ignore(g => g.AlivePlayerIds);
        builder.OwnsOne(g => g.Settings, MafiaSettingsMapping.Map);

        builder.OwnsMany(g => g.Players, player =>
        {
            player.ToTable("mafia_game_players");
            player.WithOwner().HasForeignKey("GameId");
            player.HasKey("GameId", nameof(GamePlayer.AccountId));
            player.Property(p => p.AccountId).ValueGeneratedNever();
            player.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
            player.Property(p => p.DeathReason).HasConversion<string>().HasMaxLength(16);
            player.Ignore(p => p.Team);
            player.HasIndex(p => p.AccountId);
        });
        builder.Navigation(g => g.Players).HasField("_players");

        builder.OwnsMany(g => g.NightActions, action =>
        {
            action.ToTable("mafia_night_actions");
            action.WithOwner().HasForeignKey("GameId");
            action.Property<int>("Id").ValueGeneratedOnAdd();
            action.HasKey("Id");
            action.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        });
        builder.Navigation(g => g.NightActions).HasField("_nightActions");

        builder.OwnsMany(g => g.Votes, vote =>
        {
            vote.ToTable("mafia_votes");
            vote.WithOwner().HasForeignKey("GameId");
            vote.Property<int>("Id").ValueGeneratedOnAdd();
            vote.HasKey("Id");
        });
        builder.Navigation(g => g.Votes).HasField("_votes");

        builder.OwnsMany(g => g.History, entry =>
        {
            entry.ToTable("mafia_game_actions");
            entry.WithOwner().HasForeignKey("GameId");
            entry.HasKey("GameId", nameof(GameActionEntry.Sequence));
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Phase).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.ActionType).HasMaxLength(32);
            entry.Property(e => e.Result).HasMaxLength(32);
            entry.Property(e => e.Visibility).HasConversion<string>().HasMaxLength(16);
        });
        builder.Navigation(g => g.History).HasField("_history");

        builder.OwnsMany(g => g.Rewards, reward =>
        {
            reward.ToTable("mafia_game_rewards");
            reward.WithOwner().HasForeignKey("GameId");
            reward.HasKey("GameId", nameof(GameReward.AccountId));
            reward.Property(r => r.AccountId).ValueGeneratedNever();
        });
        builder.Navigation(g => g.Rewards).HasField("_rewards");
    }
}

internal sealed class LobbyConfiguration : IEntityTypeConfiguration<Lobby>
{
    public void Configure(EntityTypeBuilder<Lobby> builder)
    {
        builder.ToTable("mafia_lobbies");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.InviteCode).HasMaxLength(Lobby.InviteCodeLength);
        builder.HasIndex(l => l.InviteCode).IsUnique();
        builder.Property(l => l.Mode).HasMaxLength(32);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(l => l.CanStart);
        builder.OwnsOne(l => l.Settings, MafiaSettingsMapping.Map);
        builder.OwnsMany(l => l.Members, member =>
        {
            member.ToTable("mafia_lobby_members");
            member.WithOwner().HasForeignKey("LobbyId");
            member.HasKey("LobbyId", nameof(LobbyMember.AccountId));
            member.Property(m => m.AccountId).ValueGeneratedNever();
            // One open lobby per player, enforced by the store: a unique index over seated members only.
            // The filter is written so that both SQLite and SQL Server read it.
            member.HasIndex(m => m.AccountId).IsUnique().HasFilter("Seated = 1").HasDatabaseName("IX_mafia_lobby_members_seated_account");
        });
        builder.Navigation(l => l.Members).HasField("_members");
    }
}

internal static class MafiaSettingsMapping
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, GameSettings> settings)
        where TOwner : class
    {
        settings.Property(s => s.MafiaCount).HasColumnName("MafiaCount");
        settings.Property(s => s.WithDoctor).HasColumnName("WithDoctor");
        settings.Property(s => s.WithDetective).HasColumnName("WithDetective");
        settings.Property(s => s.NightSeconds).HasColumnName("NightSeconds");
        settings.Property(s => s.DaySeconds).HasColumnName("DaySeconds");
        settings.Property(s => s.VotingSeconds).HasColumnName("VotingSeconds");
    }
}

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> builder)
    {
        builder.ToTable("economy_wallets");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.TonAddress).HasMaxLength(64).IsRequired();
        builder.Property(w => w.JettonWallet).HasMaxLength(64).IsRequired();
        builder.HasIndex(w => w.OwnerId).IsUnique();

        // The leaderboard ranks wallets by balance.
        builder.HasIndex(w => new { w.Balance, w.OwnerId }).IsDescending(true, false);
    }
}

internal sealed class LedgerTransactionConfiguration : IEntityTypeConfiguration<LedgerTransaction>
{
    public void Configure(EntityTypeBuilder<LedgerTransaction> builder)
    {
        builder.ToTable("economy_transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Reason).HasMaxLength(LedgerTransaction.MaxReasonLength).IsRequired();
        builder.Property(t => t.Message).HasMaxLength(LedgerTransaction.MaxMessageLength);
        builder.Property(t => t.TxHash).HasMaxLength(128);
        builder.Property(t => t.Reference).HasMaxLength(128);
        builder.HasIndex(t => t.Reference).IsUnique().HasFilter("Reference IS NOT NULL");

        // A player's history, newest first, whichever side of the transaction they were on.
        builder.HasIndex(t => new { t.WalletId, t.CreatedAt });
        builder.HasIndex(t => new { t.CounterpartyWalletId, t.CreatedAt });

        // The period leaderboards sum what each wallet earned since the period began.
        builder.HasIndex(t => new { t.CreatedAt, t.EarnerWalletId, t.Amount });

        // The payout job takes open withdrawals oldest first.
        builder.HasIndex(t => new { t.Status, t.Kind, t.CreatedAt });

        builder.OwnsMany(t => t.Entries, entry =>
        {
            entry.ToTable("economy_ledger_entries");
            entry.WithOwner().HasForeignKey("TransactionId");
            entry.Property<int>("Id").ValueGeneratedOnAdd();
            entry.HasKey("Id");
            entry.HasIndex(e => e.AccountId);
        });
        builder.Navigation(t => t.Entries).HasField("_entries");
    }
}

internal sealed class VoiceRoomConfiguration : IEntityTypeConfiguration<VoiceRoom>
{
    public void Configure(EntityTypeBuilder<VoiceRoom> builder)
    {
        builder.ToTable("mafia_voice_rooms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();

        // One room per game, across racing creates and instances: the loser's save breaks this index.
        builder.HasIndex(r => r.GameId).IsUnique();
        builder.HasOne<Game>().WithMany().HasForeignKey(r => r.GameId).OnDelete(DeleteBehavior.Cascade);
    }
}
