using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.Application.Kitchen.Common;

/// <summary>How a change to a live session reaches the database.</summary>
public enum KitchenWrite
{
    /// <summary>Nothing changes (reads).</summary>
    None,

    /// <summary>Written behind: within the write-behind interval, on the account's last disconnect, or on shutdown.</summary>
    Behind,

    /// <summary>Written before the call returns; if the write fails the change is undone and the call fails.</summary>
    Through,
}

/// <summary>
/// Where live Kitchen sessions are held (DESIGN "Scale-out": in memory on one instance, Redis
/// later). Each account's session is changed by one caller at a time, so racing requests of one
/// account never lose an update. A newly opened session is always written through. The store only
/// holds sessions: whether and how one is opened is the use case's decision, passed in as
/// <c>open</c>.
/// </summary>
public interface IKitchenSessionStore
{
    /// <summary>
    /// Runs <paramref name="play"/> exclusively on the account's session and returns what it
    /// produced. Without a session: holds the one <paramref name="open"/> creates (called under the
    /// account's lock, so two racing openings make one session), or throws the "no session yet"
    /// error when <paramref name="open"/> is null. A <c>DomainException</c> from
    /// <paramref name="play"/> must leave the session unchanged (aggregate methods undo what they
    /// did before refusing).
    /// </summary>
    Task<KitchenExecution<T>> ExecuteAsync<T>(long accountId, KitchenWrite write, Func<KitchenSession>? open, Func<LiveKitchenSession, T> play, CancellationToken cancellationToken);

    /// <summary>A connection starts using the account's session (it stays in memory while any is attached).</summary>
    Task AttachAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>A connection stopped; the last one to leave writes the session's pending changes.</summary>
    Task DetachAsync(long accountId);

    /// <summary>Writes every pending change now.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>The leaderboard keys of live sessions whose latest changes are not written yet.</summary>
    IReadOnlyList<KitchenStanding> UnwrittenStandings();
}

/// <summary>A session's place on the leaderboard as the live store has it.</summary>
public readonly record struct KitchenStanding(long AccountId, long PrestigePoints, long LifetimeEarnings, int Rank);

/// <summary>The session as <see cref="IKitchenSessionStore.ExecuteAsync{T}"/> hands it to a use case.</summary>
public sealed class LiveKitchenSession(KitchenSession session, string email, bool opened)
{
    public KitchenSession Session { get; } = session;

    /// <summary>The account's email (<c>""</c> when it has none), as the seed's <c>user_email</c>.</summary>
    public string Email { get; } = email;

    /// <summary>True when this call opened the session.</summary>
    public bool Opened { get; } = opened;
}

public readonly record struct KitchenExecution<T>(T Result, bool Changed);
