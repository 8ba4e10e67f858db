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

namespace CleanGames.Application.Mafia.Games.Queries.GetHistory;

/// <summary>Seed <c>{"game_id", "actions": [GameAction]}</c>, hiding night actions the caller may not see yet. Reads the entries and the caller's role only, not the game.</summary>
[AuthorizeRequest]
public sealed record GetHistoryQuery(string GameId, int? Day) : IRequest<HistoryResult>;

public sealed record HistoryResult(string GameId, IReadOnlyList<GameActionView> Actions);

public sealed class GetHistoryQueryHandler(IReadRepository<Game> games, GameAccess access) : IRequestHandler<GetHistoryQuery, HistoryResult>
{
    public async Task<HistoryResult> Handle(GetHistoryQuery request, CancellationToken cancellationToken)
    {
        var gameId = MafiaIds.Game(request.GameId);
        var viewer = access.CallerId;
        var log = await access.EnsureMayReadAsync(
            await games.FirstOrDefaultAsync(new GameLogSpec(gameId, viewer, request.Day), cancellationToken),
            l => l.CallerRole is not null,
            cancellationToken);
        var actions = log.Entries
            .Where(e => GameVisibility.IsEntryVisible(log.IsOver, viewer, log.CallerRole, e.Visibility, e.PlayerId))
            .Select(GameViews.Action)
            .ToArray();
        return new HistoryResult(MafiaIds.Of(gameId), actions);
    }
}
