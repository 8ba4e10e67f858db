using AutoMapper;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenCatalog;

public sealed class KitchenCatalogProfile : Profile
{
    public KitchenCatalogProfile()
    {
        CreateMap<UpgradeDefinition, KitchenUpgradeView>().ConvertUsing(u => KitchenViews.Upgrade(u, 0));
        CreateMap<RankDefinition, KitchenRankView>().ConvertUsing(r => new KitchenRankView(r.Rank, r.XpToNext));
        CreateMap<LocationDefinition, KitchenLocationView>().ConvertUsing(l => KitchenViews.Location(l));
    }
}
