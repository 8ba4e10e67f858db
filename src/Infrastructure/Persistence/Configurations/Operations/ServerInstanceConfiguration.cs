using System.Text.Json;
using CleanGames.Domain.Operations.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Operations;

internal sealed class ServerInstanceConfiguration : IEntityTypeConfiguration<ServerInstance>
{
    public void Configure(EntityTypeBuilder<ServerInstance> builder)
    {
        builder.ToTable("operations_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(ServerInstance.MaxIdLength).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(ServerInstance.MaxIdLength).IsRequired();
        builder.HasIndex(i => i.SeenAt);

        // The counts are read and written whole with the instance: one JSON column.
        builder.Ignore(i => i.Connections);
        builder.Property<List<TransportConnections>>("_connections")
            .HasColumnName("Connections")
            .HasConversion(
                counts => JsonSerializer.Serialize(counts, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<List<TransportConnections>>(json, (JsonSerializerOptions?)null) ?? new List<TransportConnections>(),
                new ValueComparer<List<TransportConnections>>(
                    (a, b) => a!.SequenceEqual(b!),
                    counts => counts.Count,
                    counts => counts.ToList()))
            .HasMaxLength(8000)
            .IsRequired();
    }
}
