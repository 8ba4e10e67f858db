using System.Text.Json;
using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Domain.Kitchen.Sessions;
using CleanGames.Infrastructure.Identity.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Kitchen;

internal sealed class KitchenSessionConfiguration : IEntityTypeConfiguration<KitchenSession>
{
    public void Configure(EntityTypeBuilder<KitchenSession> builder)
    {
        builder.ToTable("kitchen_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasColumnName("AccountId").ValueGeneratedNever();
        builder.KeyedByAccount(s => s.Id);

        // The leaderboard's own order, tie-break included, so a page walks the index from its top
        // instead of sorting every session (SQLite cannot read an ascending index backwards for a
        // DESC, DESC, ASC order).
        builder.HasIndex(s => new { s.PrestigePoints, s.LifetimeEarnings, s.Id })
            .IsDescending(true, true, false)
            .HasDatabaseName("IX_kitchen_sessions_ranking");

        // Upgrade levels are a small map read and written whole with the session: one JSON column.
        builder.Ignore(s => s.UpgradeLevels);
        builder.Property<Dictionary<string, int>>("_upgradeLevels")
            .HasColumnName("UpgradeLevels")
            .HasConversion(
                levels => JsonSerializer.Serialize(levels, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, int>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, int>(),
                new ValueComparer<Dictionary<string, int>>(
                    (a, b) => a!.Count == b!.Count && a.All(pair => b.ContainsKey(pair.Key) && b[pair.Key] == pair.Value),
                    levels => levels.Count,
                    levels => new Dictionary<string, int>(levels, StringComparer.Ordinal)))
            .HasMaxLength(4000)
            .IsRequired();
    }
}

internal sealed class UpgradeDefinitionConfiguration : IEntityTypeConfiguration<UpgradeDefinition>
{
    public void Configure(EntityTypeBuilder<UpgradeDefinition> builder)
    {
        builder.ToTable("kitchen_upgrades");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(UpgradeDefinition.MaxIdLength).ValueGeneratedNever();
        builder.Property(u => u.Code).HasMaxLength(UpgradeDefinition.MaxIdLength);
        builder.Property(u => u.Name).HasMaxLength(UpgradeDefinition.MaxNameLength);
        builder.Property(u => u.Effect).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.EffectPerLevel).HasPrecision(18, 6);
        builder.Property(u => u.PriceGrowth).HasPrecision(18, 6);
    }
}

internal sealed class RankDefinitionConfiguration : IEntityTypeConfiguration<RankDefinition>
{
    public void Configure(EntityTypeBuilder<RankDefinition> builder)
    {
        builder.ToTable("kitchen_ranks");
        builder.HasKey(r => r.Rank);
        builder.Property(r => r.Rank).ValueGeneratedNever();
    }
}

internal sealed class LocationDefinitionConfiguration : IEntityTypeConfiguration<LocationDefinition>
{
    public void Configure(EntityTypeBuilder<LocationDefinition> builder)
    {
        builder.ToTable("kitchen_locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).HasMaxLength(LocationDefinition.MaxIdLength).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(LocationDefinition.MaxNameLength);
        builder.Property(l => l.PriceMultiplier).HasPrecision(18, 6);
    }
}
