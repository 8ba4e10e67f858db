using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>A host on the real clock, so Quartz deadlines and the game agree on the time.</summary>
public sealed class RealClockHost : CleanGamesHost
{
    public RealClockHost()
        : base(null)
    {
    }

    /// <summary>A host on <paramref name="databasePath"/>, kept after it stops (for restarts).</summary>
    internal RealClockHost(string databasePath)
        : base(databasePath)
    {
    }

    protected override bool SchedulesPhaseDeadlines => true;

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.RemoveApplicationClock();
        services.AddKeyedSingleton(CleanGames.Application.Common.Abstractions.ApplicationClock.Key, TimeProvider.System);
    });
}

/// <summary>Quartz ends every phase at its deadline; players who never act are removed by the AFK rule.</summary>
public sealed class MafiaDeadlineTests(RealClockHost host) : IClassFixture<RealClockHost>
{
    [Fact]
    public async Task The_operators_job_list_shows_a_running_games_phase_deadline_as_a_one_off_trigger_due_at_the_phase_end()
    {
        var table = await MafiaTable.StartAsync(host);
        using var owner = host.CreateClientFor(table.Ids[0]);
        var state = await owner.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var jobs = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs?per_page=100")).GetProperty("jobs").EnumerateArray().ToList();

        var deadline = Assert.Single(jobs, j => j.GetProperty("job").GetString()!.StartsWith("mafia.phase-deadline." + Guid.Parse(table.GameId).ToString("N"), StringComparison.Ordinal));
        Assert.Equal("mafia", deadline.GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Null, deadline.GetProperty("interval_seconds").ValueKind);
        Assert.Equal(state.GetProperty("phase_ends_at").GetDateTimeOffset(), deadline.GetProperty("next_fire_at").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Phases_advance_at_their_deadlines_and_idle_players_are_eliminated_until_the_game_ends()
    {
        var ids = Enumerable.Range(0, 4).Select(_ => MafiaTable.NewAccount()).ToArray();
        using var owner = host.CreateClientFor(ids[0]);
        var lobby = await (await owner.PostAsync("/api/matchmaking/lobby/create",
            Body(new { max_players = 4, settings = new { night_seconds = 1, day_seconds = 1, voting_seconds = 1 } }))).ReadJsonAsync();
        var code = lobby.GetProperty("invite_code").GetString()!;
        foreach (var id in ids.Skip(1))
        {
            using var client = host.CreateClientFor(id);
            (await client.PostAsync("/api/matchmaking/lobby/join/" + code, null)).EnsureSuccessStatusCode();
        }

        foreach (var id in ids)
        {
            using var client = host.CreateClientFor(id);
            (await client.PostAsync($"/api/matchmaking/lobby/{code}/ready", null)).EnsureSuccessStatusCode();
        }

        var started = Stopwatch.StartNew();
        var gameId = (await owner.GetFromJsonAsync<JsonElement>("/api/game/my_game")).GetProperty("active_game").GetString()!;
        var seen = new List<string>();
        JsonElement state;
        do
        {
            state = await owner.GetFromJsonAsync<JsonElement>($"/api/game/{gameId}/state");
            var phase = state.GetProperty("phase").GetString()!;
            if (seen.Count == 0 || seen[^1] != phase)
            {
                seen.Add(phase);
            }

            await Task.Delay(50);
        }
        while (state.GetProperty("phase").GetString() != "ended" && started.Elapsed < TimeSpan.FromSeconds(20));

        // Night, day and voting of one second each: the nobody-acted voting removes everyone who
        // let two phases pass (the mafia among them), and the citizens win.
        Assert.Equal(["night", "day", "voting", "ended"], seen);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8));
        Assert.Equal("citizens", state.GetProperty("winner").GetString());
        var players = await owner.GetFromJsonAsync<JsonElement>($"/api/game/{gameId}/players");
        var mafia = players.GetProperty("players").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "mafia");
        Assert.Equal("idle", mafia.GetProperty("death_reason").GetString());
    }

    [Fact]
    public async Task Two_hundred_parallel_votes_by_a_stranger_are_all_403_and_the_phase_still_ends_on_time()
    {
        var table = await MafiaTable.StartAsync(host, settings: new { night_seconds = 2, day_seconds = 30, voting_seconds = 30 });
        using var owner = host.CreateClientFor(table.Ids[0]);
        var night = await owner.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
        var deadline = night.GetProperty("phase_ends_at").GetDateTimeOffset();

        using var stranger = host.CreateClientFor(MafiaTable.NewAccount());
        var votes = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            stranger.PostAsync($"/api/game/{table.GameId}/vote", Body(new { target_id = table.Mafia.ToString() }))));
        Assert.All(votes, v => Assert.Equal(System.Net.HttpStatusCode.Forbidden, v.StatusCode));

        // The night ends at its deadline (the stranger never held the game): day within a second of it.
        JsonElement state;
        do
        {
            await Task.Delay(50);
            state = await owner.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
        }
        while (state.GetProperty("phase").GetString() == "night" && DateTimeOffset.UtcNow < deadline.AddSeconds(5));

        Assert.Equal("day", state.GetProperty("phase").GetString());
        Assert.True(DateTimeOffset.UtcNow - deadline < TimeSpan.FromSeconds(1.5), $"the night ended {(DateTimeOffset.UtcNow - deadline).TotalMilliseconds:0} ms after its deadline");
    }
}

/// <summary>
/// A host on the real clock whose deadline triggers are all lost (never scheduled), with the
/// deadline sweep every second: the sweep alone must move every game on.
/// </summary>
public sealed class LostTriggersHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Mafia:DeadlineSweepSeconds", "1");
        builder.ConfigureServices(services =>
        {
            services.RemoveApplicationClock();
            services.AddKeyedSingleton(CleanGames.Application.Common.Abstractions.ApplicationClock.Key, TimeProvider.System);
        });
    }
}

public sealed class LostDeadlineTriggerTests(LostTriggersHost host) : IClassFixture<LostTriggersHost>
{
    [Fact]
    public async Task A_game_whose_deadline_triggers_are_lost_still_moves_on_within_seconds()
    {
        var table = await MafiaTable.StartAsync(host, settings: new { night_seconds = 1, day_seconds = 1, voting_seconds = 1 });
        using var owner = host.CreateClientFor(table.Ids[0]);
        var started = Stopwatch.StartNew();
        var seen = new List<string>();
        JsonElement state;
        do
        {
            state = await owner.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
            var phase = state.GetProperty("phase").GetString()!;
            if (seen.Count == 0 || seen[^1] != phase)
            {
                seen.Add(phase);
            }

            await Task.Delay(100);
        }
        while (seen.Count < 4 && started.Elapsed < TimeSpan.FromSeconds(30));

        // No trigger ever fires here: each phase of one second ends at the next sweep after its
        // deadline and a second of grace, so three phases pass within about three seconds each.
        // (A deadline acted on late never counts against idle players, so nobody is removed and
        // the voting that nobody joined leads to the next night.)
        Assert.Equal(["night", "day", "voting", "night"], seen);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
    }
}
