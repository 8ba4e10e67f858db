using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Matchmaking;

/// <summary>Where a queue entry stands; only a <see cref="Waiting"/> one can be matched.</summary>
public enum QueueEntryStatus
{
    Waiting,

    /// <summary>Placed in a game (<see cref="QueueEntry.GameId"/>).</summary>
    Matched,

    /// <summary>The player left the queue.</summary>
    Left,

    /// <summary>The player stopped listening for <c>match_found</c> for longer than the grace period.</summary>
    Dropped,

    /// <summary>The server took it out: a ban, or the player took a seat elsewhere.</summary>
    Removed,
}

/// <summary>
/// A player's place in the matchmaking queue: a mode, the languages they play in (ISO 639-1, in
/// their order of preference) and when they joined, which is what fairness orders by. A player
/// holds one waiting entry at a time (the store refuses a second). Queuing again while waiting
/// changes the mode and languages and keeps the place.
/// </summary>
public sealed class QueueEntry : AggregateRoot<Guid>
{
    public const int MaxLanguages = 5;

    private QueueEntry()
    {
        Mode = string.Empty;
        Languages = string.Empty;
    }

    public long AccountId { get; private set; }

    public string Mode { get; private set; }

    /// <summary>The language codes, comma-separated in the player's order.</summary>
    public string Languages { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public QueueEntryStatus Status { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public Guid? GameId { get; private set; }

    /// <summary>Since when the player has not been listening for <c>match_found</c>; null while they are.</summary>
    public DateTimeOffset? UnheardSince { get; private set; }

    public IReadOnlyList<string> LanguageCodes => Languages.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsWaiting => Status == QueueEntryStatus.Waiting;

    public static QueueEntry Join(Guid id, long accountId, string mode, IReadOnlyList<string> languages, DateTimeOffset now)
    {
        var entry = new QueueEntry { Id = id, AccountId = accountId, JoinedAt = now };
        entry.Prefer(mode, languages);
        entry.Raise(new PlayerQueued(id, accountId, entry.Mode));
        return entry;
    }

    /// <summary>Queuing again while waiting: the new mode and languages, the same place in the queue.</summary>
    public void Rejoin(string mode, IReadOnlyList<string> languages)
    {
        EnsureWaiting();
        Prefer(mode, languages);
        Raise(new PlayerQueued(Id, AccountId, Mode));
    }

    /// <summary>Places the player in <paramref name="gameId"/>.</summary>
    public void Match(Guid gameId, DateTimeOffset now)
    {
        End(QueueEntryStatus.Matched, now);
        GameId = gameId;
        Raise(new QueueEntryMatched(Id, AccountId, gameId));
    }

    public void Leave(DateTimeOffset now) => End(QueueEntryStatus.Left, now);

    /// <summary>The server takes the entry out (a ban, or a seat taken elsewhere).</summary>
    public void Remove(DateTimeOffset now) => End(QueueEntryStatus.Removed, now);

    /// <summary>
    /// Records whether the player is listening for <c>match_found</c> at <paramref name="now"/>; one
    /// unheard for longer than <paramref name="grace"/> is dropped. True when anything changed.
    /// </summary>
    public bool Heard(bool listening, DateTimeOffset now, TimeSpan grace)
    {
        EnsureWaiting();
        if (listening)
        {
            if (UnheardSince is null)
            {
                return false;
            }

            UnheardSince = null;
            MarkChanged();
            return true;
        }

        if (UnheardSince is null)
        {
            UnheardSince = now;
            MarkChanged();
            return true;
        }

        if (now - UnheardSince.Value < grace)
        {
            return false;
        }

        End(QueueEntryStatus.Dropped, now);
        return true;
    }

    private void Prefer(string mode, IReadOnlyList<string> languages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mode);
        ArgumentNullException.ThrowIfNull(languages);
        var codes = languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (codes.Length is 0 or > MaxLanguages || codes.Any(c => c.Contains(',', StringComparison.Ordinal)))
        {
            throw new ArgumentOutOfRangeException(nameof(languages), "A queue entry names one to five language codes.");
        }

        Mode = mode;
        Languages = string.Join(',', codes);
        MarkChanged();
    }

    private void End(QueueEntryStatus status, DateTimeOffset now)
    {
        EnsureWaiting();
        Status = status;
        EndedAt = now;
        MarkChanged();
    }

    private void EnsureWaiting()
    {
        if (Status != QueueEntryStatus.Waiting)
        {
            throw new DomainException(MatchmakingErrors.NotWaiting);
        }
    }
}

/// <summary>A player joined (or re-joined) the queue: the matcher should look at it at once.</summary>
public sealed record PlayerQueued(Guid EntryId, long AccountId, string Mode) : IDomainEvent;

/// <summary>The player was placed in a game: they are told <c>match_found</c>.</summary>
public sealed record QueueEntryMatched(Guid EntryId, long AccountId, Guid GameId) : IDomainEvent;
