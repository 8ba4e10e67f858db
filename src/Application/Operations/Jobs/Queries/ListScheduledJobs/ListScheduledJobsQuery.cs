using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Operations.Common;
using MediatR;

namespace CleanGames.Application.Operations.Jobs.Queries.ListScheduledJobs;

/// <summary>
/// Admin: the scheduled jobs' triggers, the next to fire first (triggers that will not fire again
/// last), a page at a time: the repeating sweeps and every pending one-off deadline (a Mafia phase's).
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record ListScheduledJobsQuery(int? Page, int? PerPage) : IRequest<ScheduledJobsPage>, IPagedRequest;

/// <summary>One page of triggers of the scheduler of <see cref="InstanceId"/>.</summary>
public sealed record ScheduledJobsPage(string InstanceId, IReadOnlyList<ScheduledTrigger> Jobs, int Page, int PerPage, int Total);

public sealed class ListScheduledJobsQueryHandler(IScheduledJobs scheduled, IServerRun run) : IRequestHandler<ListScheduledJobsQuery, ScheduledJobsPage>
{
    public async Task<ScheduledJobsPage> Handle(ListScheduledJobsQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request);
        var all = await scheduled.ListAsync(cancellationToken);
        var ordered = all
            .OrderBy(t => t.NextFireAt is null)
            .ThenBy(t => t.NextFireAt)
            .ThenBy(t => t.Group, StringComparer.Ordinal)
            .ThenBy(t => t.Trigger, StringComparer.Ordinal)
            .Skip(page.Skip)
            .Take(page.PageSize)
            .ToList();
        return new ScheduledJobsPage(run.InstanceId, ordered, page.Page, page.PageSize, all.Count);
    }
}
