using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>A deadline that passes while the server is down is acted on right after the next start (the idle exemption of such a phase is unit-tested).</summary>
public sealed class MafiaRestartTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task A_night_whose_deadline_passed_while_the_server_was_down_ends_right_after_the_restart()
    {
        var path = DatabasePath;
        var first = new RealClockHost(path);
        await first.InitializeAsync();
        var table = await MafiaTable.StartAsync(first, settings: new { night_seconds = 4, day_seconds = 600, voting_seconds = 600 });
        var (ids, gameId) = (table.Ids, table.GameId);
        using (var before = first.CreateClientFor(ids[1]))
        {
            var night = await before.GetFromJsonAsync<JsonElement>($"/api/game/{gameId}/state");
            Assert.True(night.GetProperty("phase").GetString() == "night", "The night ended before the server stopped; the setup was slower than the night.");
        }

        await first.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(4.5));

        await using var second = new RealClockHost(path);
        await second.InitializeAsync();
        using var player = second.CreateClientFor(ids[1]);
        var waited = Stopwatch.StartNew();
        JsonElement state;
        do
        {
            state = await player.GetFromJsonAsync<JsonElement>($"/api/game/{gameId}/state");
            await Task.Delay(50);
        }
        while (state.GetProperty("phase").GetString() == "night" && waited.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal("day", state.GetProperty("phase").GetString());
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(3), $"The overdue night ended {waited.Elapsed} after the restart.");
        Assert.Equal(4, state.GetProperty("alive_players").GetArrayLength());
        var players = await player.GetFromJsonAsync<JsonElement>($"/api/game/{gameId}/players");
        Assert.All(players.GetProperty("players").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("death_reason").ValueKind));
    }
}
