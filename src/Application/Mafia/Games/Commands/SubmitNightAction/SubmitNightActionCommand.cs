using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.SubmitNightAction;

[AuthorizeRequest]
public sealed record SubmitNightActionCommand(string GameId, string Action, string TargetId) : IRequest<MafiaSuccess>, IAggregateLockedRequest, IRateLimitedRequest, IGamePlayerRequest
{
    public string RateBucket => MafiaRateBuckets.GameActions;

    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class SubmitNightActionCommandHandler(IRepository<Game> games, GameAccess access, IClock clock) : IRequestHandler<SubmitNightActionCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(SubmitNightActionCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(games, request.GameId, cancellationToken, allowAdmin: false);
        var action = GameViews.ParseAction(request.Action) ?? throw new DomainException(GameErrors.UnknownAction);
        var target = MafiaIds.Account(request.TargetId) ?? throw new DomainException(GameErrors.TargetNotInGame);
        game.SubmitNightAction(access.CallerId, action, target, clock.UtcNow);
        await games.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }
}
