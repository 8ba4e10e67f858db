using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Domain.Mafia.Social;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Queries.GetModerationQueue;

/// <summary>
/// <c>GET /api/moderation/admin/queue?kind=reports|appeals&amp;status=open|resolved&amp;page&amp;per_page</c>
/// (admin or moderator; ours): the reports or the ban appeals waiting for a moderator, oldest first, or
/// those resolved, newest first; <c>per_page</c> 1–100, default 20.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed record GetModerationQueueQuery(string? Kind, string? Status, int? Page, int? PerPage) : IRequest<ModerationQueuePage>, IPagedRequest
{
    public const string Reports = "reports";
    public const string Appeals = "appeals";
    public const string Open = "open";
    public const string Resolved = "resolved";
}

public sealed class GetModerationQueueQueryHandler(IReadRepository<PlayerReport> reports, IReadRepository<Ban> bans)
    : IRequestHandler<GetModerationQueueQuery, ModerationQueuePage>
{
    public async Task<ModerationQueuePage> Handle(GetModerationQueueQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request);
        var status = request.Status ?? GetModerationQueueQuery.Open;
        var open = status == GetModerationQueueQuery.Open;
        int total;
        List<object> items;
        if (request.Kind == GetModerationQueueQuery.Reports)
        {
            var spec = new ReportQueueSpec(open, page.Skip, page.PageSize);
            total = await reports.CountAsync(spec, cancellationToken);
            items = [.. (await reports.ListAsync(spec, cancellationToken)).Select(ModerationQueueViews.For)];
        }
        else
        {
            var spec = new AppealQueueSpec(open, page.Skip, page.PageSize);
            total = await bans.CountAsync(spec, cancellationToken);
            items = [.. (await bans.ListAsync(spec, cancellationToken)).Select(ModerationQueueViews.AppealOf)];
        }

        return new ModerationQueuePage(request.Kind!, status, items, page.Page, page.PageSize, total, page.Skip + items.Count < total);
    }
}
