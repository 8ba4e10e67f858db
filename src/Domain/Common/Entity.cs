namespace CleanGames.Domain.Common;

/// <summary>An object with an identity that outlives changes to its attributes.</summary>
public abstract class Entity<TId>
    where TId : notnull
{
    protected Entity()
    {
        Id = default!;
    }

    protected Entity(TId id)
    {
        Id = id;
    }

    public TId Id { get; protected set; }

    public override bool Equals(object? obj) =>
        obj is Entity<TId> other
        && other.GetType() == GetType()
        && !IsTransient(this)
        && EqualityComparer<TId>.Default.Equals(Id, other.Id);

    public override int GetHashCode() => IsTransient(this) ? base.GetHashCode() : HashCode.Combine(GetType(), Id);

    // An entity whose store-generated id has not been assigned yet equals only itself.
    private static bool IsTransient(Entity<TId> entity) => EqualityComparer<TId>.Default.Equals(entity.Id, default!);
}
