using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.JoinGame;

/// <summary>What a game socket or hub sends a viewer as they join: the state, and the player's role.</summary>
[AuthorizeRequest]
public sealed record JoinGameQuery(string GameId) : IRequest<JoinedGame>;

/// <summary><c>IsPlayer</c> false for an admin watching; <c>Version</c> tells two reads of the game apart (it grows with every save).</summary>
public sealed record JoinedGame(Guid GameId, bool IsPlayer, GameStateView State, RoleAssignedPayload? Role, long Version);

public sealed class JoinGameQueryHandler(IReadRepository<Game> games, GameAccess access, IClock clock) : IRequestHandler<JoinGameQuery, JoinedGame>
{
    public async Task<JoinedGame> Handle(JoinGameQuery request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(games, request.GameId, cancellationToken, forReading: true);
        var player = game.FindPlayer(access.CallerId);
        var role = player is null ? null : new RoleAssignedPayload(MafiaIds.Of(game.Id), GameViews.Name(player.Role), RoleRules.Describe(player.Role));
        return new JoinedGame(game.Id, player is not null, GameViews.State(game, player?.AccountId, clock.UtcNow), role, game.Version);
    }
}
