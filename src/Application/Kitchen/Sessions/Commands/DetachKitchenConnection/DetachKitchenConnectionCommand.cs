using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.DetachKitchenConnection;

/// <summary>
/// A live connection of the caller ended: the account's last connection to leave writes its
/// session's pending changes now, so nothing waits for the write-behind interval.
/// </summary>
[AuthorizeRequest]
public sealed record DetachKitchenConnectionCommand : IRequest<Unit>, INoConcurrencyRetry;

public sealed class DetachKitchenConnectionCommandHandler(IKitchenSessionStore store, ICurrentUser user) : IRequestHandler<DetachKitchenConnectionCommand, Unit>
{
    public async Task<Unit> Handle(DetachKitchenConnectionCommand request, CancellationToken cancellationToken)
    {
        // The connection is gone whatever the caller's token says now: detaching is not cancelled with it.
        await store.DetachAsync(user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated));
        return Unit.Value;
    }
}
