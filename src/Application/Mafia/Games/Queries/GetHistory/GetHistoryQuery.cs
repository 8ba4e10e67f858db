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

/// <summary>Seed <c>{"game_id", "actions": [GameAction]}</c>, hiding night actions the caller may not see yet.</summary>
[AuthorizeRequest]
public sealed record GetHistoryQuery(string GameId, int? Day) : IRequest<HistoryResult>;

public sealed record HistoryResult(string GameId, IReadOnlyList<GameActionView> Actions);

public sealed class GetHistoryQueryHandler(GameAccess access) : IRequestHandler<GetHistoryQuery, HistoryResult>
{
    public async Task<HistoryResult> Handle(GetHistoryQuery request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken);
        var actions = game.History
            .Where(e => (request.Day is null || e.Day == request.Day) && game.IsVisible(access.CallerId, e))
            .OrderBy(e => e.Sequence)
            .Select(GameViews.Action)
            .ToArray();
        return new HistoryResult(MafiaIds.Of(game.Id), actions);
    }
}
