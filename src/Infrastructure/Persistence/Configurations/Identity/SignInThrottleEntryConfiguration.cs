using CleanGames.Application.Identity.Common;
using CleanGames.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Identity;

internal sealed class SignInThrottleEntryConfiguration : IEntityTypeConfiguration<SignInThrottleEntry>
{
    public void Configure(EntityTypeBuilder<SignInThrottleEntry> builder)
    {
        builder.ToTable("identity_signin_throttle");
        builder.HasKey(e => new { e.Subject, e.Address });
        builder.Property(e => e.Subject).HasMaxLength(SignInThrottleKey.MaxSubjectLength);
        builder.Property(e => e.Address).HasMaxLength(SignInThrottleKey.MaxAddressLength);
        // The hourly purge deletes pairs by the age of their last attempt.
        builder.HasIndex(e => e.LastAttemptMs);
    }
}
