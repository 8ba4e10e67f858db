using Ardalis.Specification;
using CleanGames.Domain.Mafia.Moderation;

namespace CleanGames.Application.Mafia.Moderation.Common;

/// <summary>The player's bans that hold at <paramref name="now"/>, the one ending last first (a permanent one first of all).</summary>
public sealed class ActiveBansOfSpec : Specification<Ban>
{
    public ActiveBansOfSpec(long userId, DateTimeOffset now) =>
        Query.Where(b => b.UserId == userId && b.EndedAt == null && (b.ExpiresAt == null || b.ExpiresAt > now))
            .OrderBy(b => b.ExpiresAt == null ? 0 : 1).ThenByDescending(b => b.ExpiresAt).ThenByDescending(b => b.IssuedAt);
}

/// <summary>The player's restrictions that hold at <paramref name="now"/>, soonest to end first.</summary>
public sealed class ActiveRestrictionsOfSpec : Specification<Restriction>
{
    public ActiveRestrictionsOfSpec(long userId, DateTimeOffset now) =>
        Query.Where(r => r.UserId == userId && r.EndedAt == null && r.ExpiresAt > now).OrderBy(r => r.ExpiresAt).AsNoTracking();
}

/// <summary>The player's newest warnings.</summary>
public sealed class WarningsOfSpec : Specification<PlayerWarning>
{
    public const int Shown = 50;

    public WarningsOfSpec(long userId) =>
        Query.Where(w => w.UserId == userId).OrderByDescending(w => w.IssuedAt).Take(Shown).AsNoTracking();
}

/// <summary>Temporary bans whose time has come and that have not been ended yet, oldest first.</summary>
public sealed class DueBansSpec : Specification<Ban>
{
    public DueBansSpec(DateTimeOffset now, int take) =>
        Query.Where(b => b.EndedAt == null && b.ExpiresAt != null && b.ExpiresAt <= now).OrderBy(b => b.ExpiresAt).Take(take);
}

/// <summary>Restrictions whose time has come and that have not been ended yet, oldest first.</summary>
public sealed class DueRestrictionsSpec : Specification<Restriction>
{
    public DueRestrictionsSpec(DateTimeOffset now, int take) =>
        Query.Where(r => r.EndedAt == null && r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt).Take(take);
}

public sealed class BanByIdSpec : Specification<Ban>
{
    public BanByIdSpec(Guid id) => Query.Where(b => b.Id == id);
}

public sealed class RestrictionByIdSpec : Specification<Restriction>
{
    public RestrictionByIdSpec(Guid id) => Query.Where(r => r.Id == id);
}

/// <summary>
/// The appeals queue: open appeals (<c>pending</c>) oldest first, or resolved ones newest first, a page
/// at a time (index on appeal status, appeal time).
/// </summary>
public sealed class AppealQueueSpec : Specification<Ban>
{
    public AppealQueueSpec(bool open, int skip, int take)
    {
        if (open)
        {
            Query.Where(b => b.AppealStatus == AppealStatus.Pending).OrderBy(b => b.AppealedAt).ThenBy(b => b.Id);
        }
        else
        {
            Query.Where(b => b.AppealStatus == AppealStatus.Approved || b.AppealStatus == AppealStatus.Rejected).OrderByDescending(b => b.AppealedAt).ThenByDescending(b => b.Id);
        }

        Query.Skip(skip).Take(take).AsNoTracking();
    }
}
