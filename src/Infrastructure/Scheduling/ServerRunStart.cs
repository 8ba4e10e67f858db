using CleanGames.Application.Common.Abstractions;
using Microsoft.Extensions.Hosting;

namespace CleanGames.Infrastructure.Scheduling;

/// <summary>
/// Creates the <see cref="IServerRun"/> as the host starts, so its start time is the process's and
/// not the moment some request first asked for it.
/// </summary>
internal sealed class ServerRunStart(IServerRun run) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = run.StartedAt;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
