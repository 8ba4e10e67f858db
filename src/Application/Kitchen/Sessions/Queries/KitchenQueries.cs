using AutoMapper;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Kitchen.Catalog;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries;

/// <summary>The caller's session as the live store holds it (no accounting: reading changes nothing).</summary>
[AuthorizeRequest]
public sealed record GetKitchenSessionQuery : IRequest<KitchenSessionResult>, INoConcurrencyRetry;

public sealed record KitchenSessionResult(KitchenSessionView Session) : IKitchenReply;

public sealed class GetKitchenSessionQueryHandler(KitchenSessionRunner runner) : IRequestHandler<GetKitchenSessionQuery, KitchenSessionResult>
{
    public Task<KitchenSessionResult> Handle(GetKitchenSessionQuery request, CancellationToken cancellationToken) =>
        runner.PlayAsync("session", KitchenWrite.None, turn => new KitchenSessionResult(turn.View()), cancellationToken);
}

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

public sealed class KitchenCatalogProfile : Profile
{
    public KitchenCatalogProfile()
    {
        CreateMap<UpgradeDefinition, KitchenUpgradeView>().ConvertUsing(u => KitchenViews.Upgrade(u, 0));
        CreateMap<RankDefinition, KitchenRankView>().ConvertUsing(r => new KitchenRankView(r.Rank, r.XpToNext));
        CreateMap<LocationDefinition, KitchenLocationView>().ConvertUsing(l => KitchenViews.Location(l));
    }
}

/// <summary>Sessions ranked by prestige points, then lifetime earnings (then the earlier account).</summary>
public sealed record GetKitchenLeaderboardQuery(int? Page, int? PerPage) : IRequest<PagedList<KitchenLeaderboardEntry>>, INoConcurrencyRetry;

/// <summary>One leaderboard line; <c>display_name</c> is the account's public name (null when it has none; emails are never shown).</summary>
public sealed record KitchenLeaderboardEntry(int Position, long UserId, string? DisplayName, long Prestige, long LifetimeEarnings, int Rank);

/// <summary>
/// Reads the leaderboard from the database with <paramref name="live"/> (the live store's sessions
/// whose latest changes are not written yet) laid over it, so the ranking is never stale and
/// reading it writes nothing.
/// </summary>
public interface IKitchenLeaderboardReader
{
    Task<PagedList<KitchenLeaderboardEntry>> ReadAsync(PageRequest page, IReadOnlyList<KitchenStanding> live, CancellationToken cancellationToken);
}

public sealed class GetKitchenLeaderboardQueryHandler(IKitchenSessionStore store, IKitchenLeaderboardReader reader) : IRequestHandler<GetKitchenLeaderboardQuery, PagedList<KitchenLeaderboardEntry>>
{
    public Task<PagedList<KitchenLeaderboardEntry>> Handle(GetKitchenLeaderboardQuery request, CancellationToken cancellationToken) =>
        reader.ReadAsync(new PageRequest(request.Page, request.PerPage), store.UnwrittenStandings(), cancellationToken);
}
