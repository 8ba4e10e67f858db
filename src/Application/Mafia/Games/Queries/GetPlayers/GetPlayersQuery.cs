using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.GetPlayers;

/// <summary>Seed <c>{"players": [PlayerInfo]}</c>; a role filter only matches roles the caller may see.</summary>
[AuthorizeRequest]
public sealed record GetPlayersQuery(string GameId, string? Role) : IRequest<PlayersResult>;

public sealed record PlayersResult(IReadOnlyList<PlayerInfoView> Players);

public sealed class GetPlayersQueryHandler(GameAccess access) : IRequestHandler<GetPlayersQuery, PlayersResult>
{
    public async Task<PlayersResult> Handle(GetPlayersQuery request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken);
        var role = request.Role is null ? null : GameViews.ParseRole(request.Role);
        var players = game.Players
            .Where(p => request.Role is null || (role == p.Role && game.IsRoleVisible(access.CallerId, p)))
            .OrderBy(p => p.Seat)
            .Select(p => GameViews.Player(game, p, access.CallerId))
            .ToArray();
        return new PlayersResult(players);
    }
}
