using CleanGames.Application.Mafia.Social.Common;
using MediatR;

namespace CleanGames.Application.Mafia.Social.Queries.GetGiftCatalog;

/// <summary><c>GET /api/social/gifts/catalog</c> → <c>[{gift_type, name, price}]</c>: what <c>gifts/send</c> sells, at the current prices.</summary>
public sealed record GetGiftCatalogQuery : IRequest<IReadOnlyList<GiftCatalogItemView>>;

public sealed class GetGiftCatalogQueryHandler(ISocialGiftCatalog catalog) : IRequestHandler<GetGiftCatalogQuery, IReadOnlyList<GiftCatalogItemView>>
{
    public Task<IReadOnlyList<GiftCatalogItemView>> Handle(GetGiftCatalogQuery request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GiftCatalogItemView>>([.. catalog.Gifts.Select(g => new GiftCatalogItemView(g.GiftType, g.Name, g.Price))]);
}
