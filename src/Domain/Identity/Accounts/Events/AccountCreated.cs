using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.Accounts.Events;

public sealed record AccountCreated(Guid AccountKey, DateTimeOffset At) : IDomainEvent;
