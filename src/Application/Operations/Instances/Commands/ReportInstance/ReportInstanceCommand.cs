using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Operations.Common;
using CleanGames.Domain.Operations.Instances;
using MediatR;

namespace CleanGames.Application.Operations.Instances.Commands.ReportInstance;

/// <summary>
/// Writes this instance's open connections per transport into the shared database (each instance on
/// its own heartbeat), and forgets instances silent for <see cref="OperationsOptions.ForgetAfter"/>.
/// Idempotent: a second report only moves <c>seen_at</c>.
/// </summary>
public sealed record ReportInstanceCommand : IRequest<Unit>;

public sealed class ReportInstanceCommandHandler(IRepository<ServerInstance> instances, IConnectionCensus census, IServerRun run, IClock clock)
    : IRequestHandler<ReportInstanceCommand, Unit>
{
    /// <summary>Stopped instances removed per report; a crowd of them goes over a few heartbeats.</summary>
    private const int ForgetPerReport = 100;

    public async Task<Unit> Handle(ReportInstanceCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var self = await instances.GetByIdAsync(run.InstanceId, cancellationToken);
        if (self is null)
        {
            self = ServerInstance.Start(run.InstanceId, run.InstanceName, run.StartedAt);
            await instances.AddAsync(self, cancellationToken);
        }

        self.Report(census.Count(), now);
        foreach (var gone in await instances.ListAsync(new SilentInstancesSpec(now - OperationsOptions.ForgetAfter, ForgetPerReport), cancellationToken))
        {
            instances.Delete(gone);
        }

        await instances.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Instances whose last report is older than <c>before</c>.</summary>
public sealed class SilentInstancesSpec : Specification<ServerInstance>
{
    public SilentInstancesSpec(DateTimeOffset before, int take) =>
        Query.Where(i => i.SeenAt < before).OrderBy(i => i.SeenAt).Take(take);
}
