using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.Accounts.Events;

// Account events name the account by its key: a first sign-in happens before the store has
// assigned the numeric id, and an event must not carry an id that is not real yet.

/// <summary>An account was created; handlers load it by <paramref name="AccountKey"/>.</summary>
public sealed record AccountCreated(Guid AccountKey, DateTimeOffset At) : IDomainEvent;

/// <summary>An account signed in (a new session was started).</summary>
public sealed record AccountSignedIn(Guid AccountKey, DateTimeOffset At) : IDomainEvent;
