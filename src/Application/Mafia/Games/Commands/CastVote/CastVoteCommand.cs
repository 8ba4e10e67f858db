using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.CastVote;

/// <summary>A vote (a null target skips); racing votes on one game all succeed (retried on a fresh game).</summary>
[AuthorizeRequest]
public sealed record CastVoteCommand(string GameId, string? TargetId) : IRequest<MafiaSuccess>, IAggregateLockedRequest, IRateLimitedRequest, IGamePlayerRequest
{
    public string RateBucket => MafiaRateBuckets.GameActions;

    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class CastVoteCommandHandler(IRepository<Game> games, GameAccess access, IClock clock) : IRequestHandler<CastVoteCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(CastVoteCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(games, request.GameId, cancellationToken, allowAdmin: false);
        long? target = request.TargetId is null ? null : MafiaIds.Account(request.TargetId) ?? throw new DomainException(GameErrors.TargetNotInGame);
        game.CastVote(access.CallerId, target, clock.UtcNow);
        await games.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }
}
