using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.GetMyGame;

/// <summary>Seed <c>{"active_game": id | null}</c>: the caller's unfinished game.</summary>
[AuthorizeRequest]
public sealed record GetMyGameQuery : IRequest<MyGameResult>;

public sealed record MyGameResult(string? ActiveGame);

public sealed class GetMyGameQueryHandler(IReadRepository<Game> games, ICurrentUser user) : IRequestHandler<GetMyGameQuery, MyGameResult>
{
    public async Task<MyGameResult> Handle(GetMyGameQuery request, CancellationToken cancellationToken)
    {
        var game = await games.FirstOrDefaultAsync(new UnfinishedGameOfPlayerSpec(user.AccountId!.Value), cancellationToken);
        return new MyGameResult(game is null ? null : MafiaIds.Of(game.Id));
    }
}
