using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.BotAnalytics.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.BotAnalytics;

/// <summary>Limits shared by the module's tables (the ingestion validator holds records to them).</summary>
internal static class BotAnalyticsColumns
{
    public const int Text = 128;
    public const int Meta = 4096;
}

internal sealed class BotConfiguration : IEntityTypeConfiguration<Bot>
{
    public void Configure(EntityTypeBuilder<Bot> builder)
    {
        builder.ToTable("bot_analytics_bots");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedOnAdd();
        builder.Property(b => b.Username).HasMaxLength(BotAnalyticsColumns.Text);
        builder.Property(b => b.Status).HasMaxLength(32);
        builder.Property(b => b.Meta).HasMaxLength(BotAnalyticsColumns.Meta);
        builder.Property(b => b.IngestKeyHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(b => b.TelegramBotId).IsUnique();
        builder.HasIndex(b => b.AdminId);
    }
}

internal sealed class BotUserConfiguration : IEntityTypeConfiguration<BotUser>
{
    public void Configure(EntityTypeBuilder<BotUser> builder)
    {
        builder.ToTable("bot_analytics_users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedOnAdd();
        builder.Property(u => u.Username).HasMaxLength(BotAnalyticsColumns.Text);
        builder.Property(u => u.Meta).HasMaxLength(BotAnalyticsColumns.Meta);
        builder.HasOne<Bot>().WithMany().HasForeignKey(u => u.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.BotId, u.UserId }).IsUnique();

        // The dashboard's reads per bot and date: the users list (newest first) and daily registrations.
        builder.HasIndex(u => new { u.BotId, u.RegDate, u.Id }).IsDescending(false, true, true).HasDatabaseName("IX_bot_analytics_users_bot_reg_date");
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("bot_analytics_payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd();
        builder.Property(p => p.BillId).HasMaxLength(BotAnalyticsColumns.Text).IsRequired();
        builder.Property(p => p.Currency).HasMaxLength(BotAnalyticsColumns.Text);
        builder.Property(p => p.Status).HasMaxLength(BotAnalyticsColumns.Text);
        builder.Property(p => p.Provider).HasMaxLength(BotAnalyticsColumns.Text);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Meta).HasMaxLength(BotAnalyticsColumns.Meta);
        builder.HasOne<Bot>().WithMany().HasForeignKey(p => p.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.BotId, p.BillId }).IsUnique();
        builder.HasIndex(p => new { p.BotId, p.Date, p.Id }).IsDescending(false, true, true).HasDatabaseName("IX_bot_analytics_payments_bot_date");

        // Ingestion reads a subscriber's payments to move trial conversions.
        builder.HasIndex(p => new { p.BotId, p.UserId });
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("bot_analytics_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedOnAdd();
        builder.Property(s => s.SubUid).HasMaxLength(BotAnalyticsColumns.Text).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(BotAnalyticsColumns.Text);
        builder.Property(s => s.Meta).HasMaxLength(BotAnalyticsColumns.Meta);
        builder.HasOne<Bot>().WithMany().HasForeignKey(s => s.BotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.BotId, s.SubUid }).IsUnique();
        builder.HasIndex(s => new { s.BotId, s.StartDate, s.Id }).IsDescending(false, true, true).HasDatabaseName("IX_bot_analytics_subscriptions_bot_start_date");
        builder.HasIndex(s => new { s.BotId, s.Status, s.StartDate, s.Id }).IsDescending(false, false, true, true).HasDatabaseName("IX_bot_analytics_subscriptions_bot_status_start_date");

        // Ingestion reads a subscriber's subscriptions (churn, conversions, active users); the
        // expiring list and the rollups' partial edges read by stop date.
        builder.HasIndex(s => new { s.BotId, s.UserId });
        builder.HasIndex(s => new { s.BotId, s.Status, s.StopDate });
        builder.HasIndex(s => new { s.BotId, s.StopDate });
    }
}

internal sealed class BotRollupConfiguration : IEntityTypeConfiguration<BotRollup>
{
    public void Configure(EntityTypeBuilder<BotRollup> builder)
    {
        builder.ToTable("bot_analytics_rollups");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Currency).HasMaxLength(BotAnalyticsColumns.Text).IsRequired();
        builder.Ignore(r => r.Key);
        builder.Ignore(r => r.Metrics);
        builder.HasOne<Bot>().WithMany().HasForeignKey(r => r.BotId).OnDelete(DeleteBehavior.Cascade);

        // One row per bot, bucket and currency; the dashboards read a bot's buckets by time range.
        builder.HasIndex(r => new { r.BotId, r.Bucket, r.Currency }).IsUnique();

        // The series, the summary and the lists' totals read a bot's buckets from this index alone.
        builder.HasIndex(r => new
            {
                r.BotId, r.Bucket, r.Currency, r.Registrations, r.Payments, r.PricedPayments, r.Revenue, r.RecurringRevenue, r.Keys, r.Renewals,
                r.Trials, r.ConvertedTrials, r.Churned, r.ActiveUsers, r.AllPayments, r.AllSubscriptions,
            })
            .HasDatabaseName("IX_bot_analytics_rollups_covering");
    }
}
