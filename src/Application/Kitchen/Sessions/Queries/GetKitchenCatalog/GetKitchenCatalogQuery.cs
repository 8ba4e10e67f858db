using AutoMapper;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenCatalog;

/// <summary>The economy: every upgrade (at level 0, priced for its first level), rank and location.</summary>
public sealed record GetKitchenCatalogQuery : IRequest<KitchenCatalogResult>, INoConcurrencyRetry;

public sealed record KitchenCatalogResult(IReadOnlyList<KitchenUpgradeView> Upgrades, IReadOnlyList<KitchenRankView> Ranks, IReadOnlyList<KitchenLocationView> Locations);

public sealed class GetKitchenCatalogQueryHandler(IKitchenCatalogProvider catalogs, IMapper mapper) : IRequestHandler<GetKitchenCatalogQuery, KitchenCatalogResult>
{
    public async Task<KitchenCatalogResult> Handle(GetKitchenCatalogQuery request, CancellationToken cancellationToken)
    {
        var catalog = await catalogs.GetAsync(cancellationToken);
        return new KitchenCatalogResult(
            mapper.Map<IReadOnlyList<KitchenUpgradeView>>(catalog.Upgrades),
            mapper.Map<IReadOnlyList<KitchenRankView>>(catalog.Ranks),
            mapper.Map<IReadOnlyList<KitchenLocationView>>(catalog.Locations));
    }
}
