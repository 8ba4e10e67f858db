using CleanGames.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>
/// The scheduler keeps real time even when the application's clock is a test's fake one: on the
/// fake clock, moving it days ahead made Quartz backfill every missed firing until the host ran
/// out of memory.
/// </summary>
public sealed class SchedulerClockTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Quartz_runs_on_the_system_clock_not_on_the_applications()
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotSame(host.Clock, scheduler.TimeProvider);
        Assert.InRange(scheduler.TimeProvider.GetUtcNow() - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
    }
}
