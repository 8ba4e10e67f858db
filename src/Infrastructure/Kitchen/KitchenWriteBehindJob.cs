using CleanGames.Application.Common.Abstractions;
using Quartz;

namespace CleanGames.Infrastructure.Kitchen;

/// <summary>
/// Every <c>Kitchen:WriteBehindMilliseconds</c>: writes the live sessions changed since the last
/// write and lets idle ones go. Store housekeeping rather than a use case, so it calls the store
/// itself instead of sending a command.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class KitchenWriteBehindJob(InMemoryKitchenSessionStore store, IServiceReadiness readiness) : IJob
{
    public static readonly JobKey Key = new("kitchen.write-behind");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        await store.FlushAsync(cancellationToken);
        store.EvictIdle();
    }
}
