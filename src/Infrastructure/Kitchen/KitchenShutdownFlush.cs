using Microsoft.Extensions.Hosting;

namespace CleanGames.Infrastructure.Kitchen;

/// <summary>
/// Graceful shutdown writes every live session. It runs once every hosted service, the web
/// server included, has stopped, so no request can change a session after the final write.
/// </summary>
internal sealed class KitchenShutdownFlush(InMemoryKitchenSessionStore store) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => store.FlushAsync(CancellationToken.None);
}
