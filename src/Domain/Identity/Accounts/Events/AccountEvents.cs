using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.Accounts.Events;

/// <summary>
/// An account was created. <paramref name="AccountKey"/> identifies it before the store has
/// assigned its numeric id; handlers load it by key.
/// </summary>
public sealed record AccountCreated(Guid AccountKey, DateTimeOffset At) : IDomainEvent;

public sealed record AccountSignedIn(long AccountId, DateTimeOffset At) : IDomainEvent;
