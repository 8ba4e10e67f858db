using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.Sessions.Events;

/// <summary>
/// A refresh-token family was revoked (<paramref name="Reason"/>: <c>reuse_detected</c>, <c>logout</c>,
/// <c>account_banned</c>, <c>account_gone</c>); published once the revocation is saved.
/// </summary>
public sealed record RefreshFamilyRevoked(Guid FamilyId, long AccountId, string Reason, DateTimeOffset At) : IDomainEvent;
