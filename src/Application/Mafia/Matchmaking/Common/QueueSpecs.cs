using Ardalis.Specification;
using CleanGames.Domain.Mafia.Matchmaking;

namespace CleanGames.Application.Mafia.Matchmaking.Common;

/// <summary>The player's waiting entry (at most one).</summary>
public sealed class WaitingEntryOfSpec : Specification<QueueEntry>
{
    public WaitingEntryOfSpec(long accountId) =>
        Query.Where(e => e.AccountId == accountId && e.Status == QueueEntryStatus.Waiting);
}

/// <summary>Every waiting entry, longest-waiting first (read-only unless <paramref name="toChange"/>).</summary>
public sealed class WaitingEntriesSpec : Specification<QueueEntry>
{
    public WaitingEntriesSpec(bool toChange = false)
    {
        Query.Where(e => e.Status == QueueEntryStatus.Waiting).OrderBy(e => e.JoinedAt);
        if (!toChange)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>The named entries, to be changed.</summary>
public sealed class QueueEntriesSpec : Specification<QueueEntry>
{
    public QueueEntriesSpec(IReadOnlyCollection<Guid> ids) =>
        Query.Where(e => ids.Contains(e.Id));
}
