using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.GetPlayers;

/// <summary>Seed <c>{"players": [PlayerInfo]}</c>; a role filter only matches roles the caller may see. Reads the seats only, not the game.</summary>
[AuthorizeRequest]
public sealed record GetPlayersQuery(string GameId, string? Role) : IRequest<PlayersResult>;

public sealed record PlayersResult(IReadOnlyList<PlayerInfoView> Players);

public sealed class GetPlayersQueryHandler(IReadRepository<Game> games, GameAccess access) : IRequestHandler<GetPlayersQuery, PlayersResult>
{
    public async Task<PlayersResult> Handle(GetPlayersQuery request, CancellationToken cancellationToken)
    {
        var roster = await access.EnsureMayReadAsync(
            await games.FirstOrDefaultAsync(new GameRosterSpec(MafiaIds.Game(request.GameId)), cancellationToken),
            r => r.RoleOf(access.CallerId) is not null,
            cancellationToken);
        var viewer = access.CallerId;
        var viewerRole = roster.RoleOf(viewer);
        bool RoleVisible(SeatRow seat) => GameVisibility.IsRoleVisible(roster.IsOver, viewer, viewerRole, seat.AccountId, seat.Role);

        var role = request.Role is null ? null : GameViews.ParseRole(request.Role);
        var players = roster.Seats
            .Where(p => request.Role is null || (role == p.Role && RoleVisible(p)))
            .Select(p => GameViews.Player(p.AccountId, p.IsAlive, p.DeathReason, RoleVisible(p) ? p.Role : null))
            .ToArray();
        return new PlayersResult(players);
    }
}
