using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.AttachKitchenConnection;

/// <summary>
/// A live connection of the caller starts playing: the account's session stays in memory (and is
/// not evicted) while any connection is attached. Sent by every Kitchen transport as it subscribes.
/// </summary>
[AuthorizeRequest]
public sealed record AttachKitchenConnectionCommand : IRequest<Unit>, INoConcurrencyRetry;

public sealed class AttachKitchenConnectionCommandHandler(IKitchenSessionStore store, ICurrentUser user) : IRequestHandler<AttachKitchenConnectionCommand, Unit>
{
    public async Task<Unit> Handle(AttachKitchenConnectionCommand request, CancellationToken cancellationToken)
    {
        await store.AttachAsync(user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated), cancellationToken);
        return Unit.Value;
    }
}
