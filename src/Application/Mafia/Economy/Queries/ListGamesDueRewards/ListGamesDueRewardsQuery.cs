using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Queries.ListGamesDueRewards;

/// <summary>For the rewards sweep: ended games whose rewards are not credited yet, oldest first.</summary>
public sealed record ListGamesDueRewardsQuery(int Take) : IRequest<IReadOnlyList<Guid>>;

public sealed class ListGamesDueRewardsQueryHandler(IReadRepository<Game> games) : IRequestHandler<ListGamesDueRewardsQuery, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(ListGamesDueRewardsQuery request, CancellationToken cancellationToken) =>
        await games.ListAsync(new GamesDueRewardsSpec(request.Take), cancellationToken);
}
