using CleanGames.Application.Mafia.Economy.Common;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Queries.GetCatalog;

/// <summary><c>GET /api/economy/catalog</c> (not in the seed): what <c>purchase</c> sells, at the current prices.</summary>
public sealed record GetCatalogQuery : IRequest<IReadOnlyList<CatalogItemView>>;

public sealed record CatalogItemView(string ItemType, string ItemId, string Name, long Price);

public sealed class GetCatalogQueryHandler(IEconomyCatalog catalog) : IRequestHandler<GetCatalogQuery, IReadOnlyList<CatalogItemView>>
{
    public Task<IReadOnlyList<CatalogItemView>> Handle(GetCatalogQuery request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CatalogItemView>>([.. catalog.Items.Select(i => new CatalogItemView(i.ItemType, i.ItemId, i.Name, i.Price))]);
}
