using CleanGames.Application.Common.Idempotency;
using CleanGames.Infrastructure.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Common;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("platform_idempotency_keys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Route).HasMaxLength(512);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRules.MaxKeyLength).IsUnicode(false);
        builder.Property(r => r.Fingerprint).HasMaxLength(32);
        builder.Property(r => r.Lease).IsConcurrencyToken();
        builder.Property(r => r.ResponseContentType).HasMaxLength(256);

        // The reservation: two requests with one key cannot both insert it. It also counts an
        // account's keys (its first column).
        builder.HasIndex(r => new { r.AccountId, r.Route, r.Key }).IsUnique();

        // The hourly purge deletes by expiry.
        builder.HasIndex(r => r.ExpiresAt);
    }
}
