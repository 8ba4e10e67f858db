using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenCatalog;

/// <summary>The economy: every upgrade (at level 0, priced for its first level), rank and location.</summary>
public sealed record GetKitchenCatalogQuery : IRequest<KitchenCatalogResult>, INoConcurrencyRetry;

public sealed record KitchenCatalogResult(IReadOnlyList<KitchenUpgradeView> Upgrades, IReadOnlyList<KitchenRankView> Ranks, IReadOnlyList<KitchenLocationView> Locations);

/// <remarks>
/// Built with the same functions as the session object's upgrades and location, so each view has
/// one way to be built; those run on every Kitchen reply, where a hand-written constructor call is
/// the cheapest mapping.
/// </remarks>
public sealed class GetKitchenCatalogQueryHandler(IKitchenCatalogProvider catalogs) : IRequestHandler<GetKitchenCatalogQuery, KitchenCatalogResult>
{
    public async Task<KitchenCatalogResult> Handle(GetKitchenCatalogQuery request, CancellationToken cancellationToken)
    {
        var catalog = await catalogs.GetAsync(cancellationToken);
        return new KitchenCatalogResult(
            catalog.Upgrades.Select(u => KitchenViews.Upgrade(u, 0)).ToArray(),
            catalog.Ranks.Select(KitchenViews.Rank).ToArray(),
            catalog.Locations.Select(KitchenViews.Location).ToArray());
    }
}
