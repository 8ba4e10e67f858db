using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CleanGames.Application.Mafia.Games.Commands.EndPhase;
using CleanGames.Infrastructure.Mafia;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>
/// Two instances on one database: each schedules every deadline, and a phase still ends once. Both
/// run in this process, so they share the SQLite write gate: what settles the race here is the
/// game's version check, as it is between processes.
/// </summary>
public sealed class MafiaScaleOutTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task Two_instances_whose_triggers_race_for_one_deadline_end_the_phase_once()
    {
        await using var first = new RealClockHost(DatabasePath);
        await first.InitializeAsync();
        var table = await MafiaTable.StartAsync(first, settings: new { night_seconds = 8, day_seconds = 600, voting_seconds = 600 });
        var gameId = Guid.Parse(table.GameId, CultureInfo.InvariantCulture);

        // The second instance schedules the unfinished game's deadline when it starts, as the first did when the game began.
        await using var second = new RealClockHost(DatabasePath);
        await second.InitializeAsync();
        Assert.True(await PhaseNumberAsync(second, gameId) == 1, "The night ended before the second instance was up; the setup was slower than the night.");
        var night = PhaseDeadlineJob.KeyFor(gameId, 1);
        await WaitUntilAsync(() => ScheduledAsync(second, night), "the second instance to schedule the night's deadline");
        Assert.True(await ScheduledAsync(first, night));

        using var player = first.CreateClientFor(table.Ids[1]);
        await WaitUntilAsync(async () => (await player.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state")).GetProperty("phase").GetString() == "day", "the night to end");
        // Both triggers have fired by now: each instance removes its job once it ran.
        await WaitUntilAsync(async () => !await ScheduledAsync(first, night) && !await ScheduledAsync(second, night), "both night triggers to fire");

        var history = await player.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/history");
        Assert.Single(history.GetProperty("actions").EnumerateArray(), a => PhaseChangeTo(a, "day"));
        var state = await player.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
        Assert.Equal(1, state.GetProperty("day_count").GetInt32());
        Assert.Equal(4, state.GetProperty("alive_players").GetArrayLength());

        // Eight deadline firings for the day, four on each instance, at the same moment: one ends it.
        var day = await PhaseNumberAsync(first, gameId);
        var fired = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => EndPhaseAsync(i % 2 == 0 ? first : second, gameId, day)));
        Assert.Single(fired, ended => ended);

        history = await player.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/history");
        Assert.Single(history.GetProperty("actions").EnumerateArray(), a => PhaseChangeTo(a, "voting"));
        state = await player.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
        Assert.Equal("voting", state.GetProperty("phase").GetString());
        Assert.Equal(day + 1, await PhaseNumberAsync(second, gameId));
    }

    private static bool PhaseChangeTo(JsonElement action, string phase) =>
        action.GetProperty("action_type").GetString() == "phase_change" && action.GetProperty("result").GetString() == phase;

    private static async Task<bool> EndPhaseAsync(CleanGamesHost host, Guid gameId, int phase)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EndPhaseCommand(gameId, phase));
    }

    private static async Task<int> PhaseNumberAsync(CleanGamesHost host, Guid gameId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.MafiaGames.AsNoTracking().Where(g => g.Id == gameId).Select(g => g.PhaseNumber).SingleAsync();
    }

    private static async Task<bool> ScheduledAsync(CleanGamesHost host, JobKey key)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetJobDetail(key) is not null;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}
