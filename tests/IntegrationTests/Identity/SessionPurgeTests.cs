using System.Net;
using CleanGames.Application.Identity.Commands.PurgeExpiredSessions;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

public sealed class SessionPurgeTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Dead_families_are_purged_and_live_ones_keep_working()
    {
        var client = host.CreateClient();
        var (_, username, _, password) = await client.RegisterGameClientAsync();
        var loggedOut = (await client.LoginGameClientAsync(username, password)).GetProperty("refresh_token").GetString()!;
        await client.PostAsync("/auth/logout", Body(new { refresh_token = loggedOut }));
        var live = (await client.LoginGameClientAsync(username, password)).GetProperty("refresh_token").GetString()!;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var purged = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgeExpiredSessionsCommand());
            Assert.True(purged >= 1);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/auth/refresh", Body(new { refresh_token = loggedOut }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/auth/refresh", Body(new { refresh_token = live }))).StatusCode);
    }

    [Fact]
    public async Task Idle_families_expire_and_are_purged()
    {
        var client = host.CreateClient();
        var (_, username, _, password) = await client.RegisterGameClientAsync();
        var token = (await client.LoginGameClientAsync(username, password)).GetProperty("refresh_token").GetString()!;

        host.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/auth/refresh", Body(new { refresh_token = token }))).StatusCode);
    }

    [Fact]
    public async Task The_purge_runs_on_quartz()
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(new JobKey("identity.purge")));
        var triggers = await scheduler.GetTriggersOfJob(new JobKey("identity.purge"));
        Assert.Single(triggers);
    }
}
