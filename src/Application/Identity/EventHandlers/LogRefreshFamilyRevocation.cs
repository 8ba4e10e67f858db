using CleanGames.Application.Common.Events;
using CleanGames.Domain.Identity.Sessions;
using CleanGames.Domain.Identity.Sessions.Events;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanGames.Application.Identity.EventHandlers;

/// <summary>
/// Every revoked session is logged once its revocation is saved, so an operator sees stolen
/// refresh tokens coming back (a warning) and the ordinary ends of sessions. Names the family and
/// the account, never a token.
/// </summary>
public sealed partial class LogRefreshFamilyRevocation(ILogger<LogRefreshFamilyRevocation> logger)
    : INotificationHandler<DomainEventNotification<RefreshFamilyRevoked>>
{
    public Task Handle(DomainEventNotification<RefreshFamilyRevoked> notification, CancellationToken cancellationToken)
    {
        var revoked = notification.Event;
        if (revoked.Reason == RefreshTokenFamily.ReuseDetectedReason)
        {
            LogReuse(revoked.FamilyId, revoked.AccountId);
        }
        else
        {
            LogRevoked(revoked.FamilyId, revoked.AccountId, revoked.Reason);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh-token reuse: a used-up refresh token of session {FamilyId} (account {AccountId}) was presented again; the session is revoked")]
    private partial void LogReuse(Guid familyId, long accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {FamilyId} (account {AccountId}) revoked: {Reason}")]
    private partial void LogRevoked(Guid familyId, long accountId, string reason);
}
