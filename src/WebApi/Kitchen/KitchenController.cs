using CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenCatalog;
using CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;
using CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenSession;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Kitchen;

/// <summary>A page of the leaderboard: <c>entries</c>, <c>total</c>, <c>page</c>, <c>per_page</c>.</summary>
public sealed record KitchenLeaderboardResponse(IReadOnlyList<KitchenLeaderboardEntry> Entries, long Total, int Page, int PerPage);

/// <summary>Kitchen read routes in the Clicker dialect, served from the live session store.</summary>
[ApiController]
[ApiDialect(ApiDialect.Clicker)]
[Route("api/kitchen")]
[Tags("Kitchen")]
public sealed class KitchenController(IMediator mediator) : ControllerBase
{
    /// <summary>The caller's session, as the sockets see it (<c>{"status":0,"session":{...}}</c>).</summary>
    [Authorize]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    [HttpGet("session")]
    public Task<KitchenSessionResult> Session(CancellationToken cancellationToken) => mediator.Send(new GetKitchenSessionQuery(), cancellationToken);

    /// <summary>Every upgrade, rank and location of the economy.</summary>
    [AllowAnonymous]
    [HttpGet("catalog")]
    public Task<KitchenCatalogResult> Catalog(CancellationToken cancellationToken) => mediator.Send(new GetKitchenCatalogQuery(), cancellationToken);

    /// <summary>Players by prestige points, then lifetime earnings.</summary>
    [AllowAnonymous]
    [HttpGet("leaderboard")]
    public async Task<KitchenLeaderboardResponse> Leaderboard([FromQuery] int? page, [FromQuery(Name = "per_page")] int? perPage, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetKitchenLeaderboardQuery(page, perPage), cancellationToken);
        return new KitchenLeaderboardResponse(result.Items, result.TotalCount, result.Page, result.PageSize);
    }
}
