using CleanGames.Domain.Identity.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Identity;

internal sealed class RoleAuditEntryConfiguration : IEntityTypeConfiguration<RoleAuditEntry>
{
    public void Configure(EntityTypeBuilder<RoleAuditEntry> builder)
    {
        builder.ToTable("identity_role_audit");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Roles).HasConversion<int>();
        builder.Property(e => e.ClientAddress).HasMaxLength(RoleAuditEntry.MaxClientAddressLength);
        builder.HasIndex(e => e.TargetAccountKey);
    }
}
