using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>
/// Every refusal of the game's REST routes: the right status and <c>detail</c>, and nothing
/// recorded; and players acting at the same moment all succeed.
/// </summary>
public sealed class MafiaRefusalTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Every_refused_vote_and_action_answers_with_its_reason_and_records_nothing()
    {
        var table = await MafiaTable.StartAsync(host, players: 5);
        var (mafia, doctor, detective, citizens) = (table.Mafia, table.Doctor, table.Detective, table.Citizens);
        var stranger = MafiaTable.NewAccount();
        var admin = host.AdminId;

        // Night 1.
        await AssertRefusedAsync(table.PostAsync(citizens[0], "action", Kill(mafia)), HttpStatusCode.BadRequest, "Your role cannot take that action.");
        await AssertRefusedAsync(table.PostAsync(mafia, "action", new { action = "heal", target_id = Id(mafia) }), HttpStatusCode.BadRequest, "Your role cannot take that action.");
        await AssertRefusedAsync(table.PostAsync(mafia, "action", new { action = "poison", target_id = Id(citizens[0]) }), HttpStatusCode.BadRequest, "action must be kill, heal or investigate.");
        await AssertRefusedAsync(table.PostAsync(mafia, "action", Kill(stranger)), HttpStatusCode.BadRequest, "The target is not a player in this game.");
        await AssertRefusedAsync(table.PostAsync(mafia, "action", new { action = "kill", target_id = "someone" }), HttpStatusCode.BadRequest, "The target is not a player in this game.");
        await AssertRefusedAsync(table.PostAsync(mafia, "vote", new { target_id = Id(citizens[0]) }), HttpStatusCode.BadRequest, "Votes are cast in the voting phase only.");
        await AssertRefusedAsync(table.PostAsync(stranger, "action", Kill(citizens[0])), HttpStatusCode.Forbidden, "You are not a player in this game.");
        await AssertRefusedAsync(table.PostAsync(stranger, "vote", new { target_id = Id(citizens[0]) }), HttpStatusCode.Forbidden, "You are not a player in this game.");
        await AssertRefusedAsync(table.PostAsync(mafia, "advance_phase"), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        using (var player = host.CreateClientFor(mafia))
        {
            await AssertRefusedAsync(player.PostAsync($"/api/game/admin/{table.GameId}/end?winner_team=mafia", null), HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
            var missing = await player.PostAsync($"/api/game/{table.GameId}/action", Body("""{"action":"kill"}"""));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
            Assert.Equal(["body", "target_id"], (await missing.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await player.PostAsync($"/api/game/{table.GameId}/action", Body($$"""{"action":"kill","target_id":{{citizens[0]}}}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await player.PostAsync($"/api/game/{table.GameId}/action", Body("""{"action":"kill","""))).StatusCode);
        }

        using (var outsider = host.CreateClientFor(stranger))
        {
            await AssertRefusedAsync(outsider.GetAsync($"/api/game/{table.GameId}/state"), HttpStatusCode.Forbidden, "You are not a player in this game.");
            await AssertRefusedAsync(outsider.GetAsync($"/api/game/{table.GameId}/history"), HttpStatusCode.Forbidden, "You are not a player in this game.");
        }

        // None of that was recorded: everyone still has the night's action open, and nobody died.
        foreach (var actor in new[] { mafia, doctor, detective })
        {
            var night = await StateAsync(table, actor);
            Assert.Equal("night", night.GetProperty("phase").GetString());
            Assert.True(night.GetProperty("can_act").GetBoolean());
            Assert.Equal(5, night.GetProperty("alive_players").GetArrayLength());
        }

        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(doctor, "action", new { action = "heal", target_id = Id(citizens[1]) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(detective, "action", new { action = "investigate", target_id = Id(citizens[1]) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(mafia, "action", Kill(citizens[0]))).StatusCode);

        // Day 1: the night ended early; the victim is dead.
        Assert.Equal("day", (await StateAsync(table, mafia)).GetProperty("phase").GetString());
        await AssertRefusedAsync(table.PostAsync(mafia, "action", Kill(citizens[1])), HttpStatusCode.BadRequest, "Night actions are taken at night only.");
        await AssertRefusedAsync(table.PostAsync(citizens[0], "vote", new { target_id = Id(mafia) }), HttpStatusCode.BadRequest, "Dead players cannot act.");
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(admin, "advance_phase", null, "admin")).StatusCode);

        // Voting 1.
        await AssertRefusedAsync(table.PostAsync(citizens[1], "vote", new { target_id = Id(citizens[1]) }), HttpStatusCode.BadRequest, "You cannot vote for yourself.");
        await AssertRefusedAsync(table.PostAsync(citizens[1], "vote", new { target_id = Id(citizens[0]) }), HttpStatusCode.BadRequest, "The target is not alive.");
        await AssertRefusedAsync(table.PostAsync(citizens[0], "vote", new { target_id = Id(mafia) }), HttpStatusCode.BadRequest, "Dead players cannot act.");
        await AssertRefusedAsync(table.PostAsync(citizens[1], "vote", new { target_id = Id(stranger) }), HttpStatusCode.BadRequest, "The target is not a player in this game.");
        var voting = await StateAsync(table, citizens[1]);
        Assert.Equal("voting", voting.GetProperty("phase").GetString());
        Assert.True(voting.GetProperty("can_act").GetBoolean());
        foreach (var voter in new[] { mafia, doctor, detective, citizens[1] })
        {
            Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(voter, "vote", new { target_id = (string?)null })).StatusCode);
        }

        // Night 2: every vote was a skip, so nobody left; the doctor may not heal the same player again.
        var second = await StateAsync(table, doctor);
        Assert.Equal("night", second.GetProperty("phase").GetString());
        Assert.Equal(2, second.GetProperty("day_count").GetInt32());
        Assert.Equal(4, second.GetProperty("alive_players").GetArrayLength());
        await AssertRefusedAsync(table.PostAsync(doctor, "action", new { action = "heal", target_id = Id(citizens[1]) }), HttpStatusCode.BadRequest, "The doctor cannot heal the same player two nights running.");
        await AssertRefusedAsync(table.PostAsync(mafia, "action", Kill(citizens[0])), HttpStatusCode.BadRequest, "The target is not alive.");
        await AssertRefusedAsync(table.PostAsync(citizens[0], "action", Kill(mafia)), HttpStatusCode.BadRequest, "Dead players cannot act.");
        Assert.True((await StateAsync(table, doctor)).GetProperty("can_act").GetBoolean());

        // The end, then nothing more.
        using (var moderator = host.CreateClientFor(admin, "admin"))
        {
            Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync($"/api/game/admin/{table.GameId}/end?winner_team=citizens", null)).StatusCode);
            await AssertRefusedAsync(moderator.PostAsync($"/api/game/admin/{table.GameId}/end?winner_team=mafia", null), HttpStatusCode.BadRequest, "The game has ended.");
        }

        await AssertRefusedAsync(table.PostAsync(mafia, "action", Kill(citizens[1])), HttpStatusCode.BadRequest, "The game has ended.");
        await AssertRefusedAsync(table.PostAsync(citizens[1], "vote", new { target_id = Id(mafia) }), HttpStatusCode.BadRequest, "The game has ended.");
        await AssertRefusedAsync(table.PostAsync(admin, "advance_phase", null, "admin"), HttpStatusCode.BadRequest, "The game has ended.");
        var ended = await StateAsync(table, citizens[1]);
        Assert.Equal("ended", ended.GetProperty("phase").GetString());
        Assert.Equal("citizens", ended.GetProperty("winner").GetString());

        // With the game over, the whole history is open: only the accepted acts are in it.
        var history = (await HistoryAsync(table, citizens[1])).EnumerateArray().ToArray();
        Assert.Equal(["heal", "investigate", "kill"], history.Select(a => a.GetProperty("action_type").GetString()).Where(t => t is "kill" or "heal" or "investigate").Order());
        Assert.Equal(4, history.Count(a => a.GetProperty("action_type").GetString() == "vote" && a.GetProperty("result").GetString() == "skip"));
        Assert.Equal(7, history.Count(a => a.GetProperty("action_type").GetString() is "vote" or "kill" or "heal" or "investigate"));
    }

    [Fact]
    public async Task Lobby_refusals_answer_with_their_reason()
    {
        var table = await MafiaTable.StartAsync(host);
        using var member = host.CreateClientFor(table.Ids[0]);
        using var stranger = host.CreateClientFor(MafiaTable.NewAccount());

        await AssertRefusedAsync(stranger.PostAsync("/api/matchmaking/lobby/NOSUCH00/ready", null), HttpStatusCode.NotFound, "Lobby not found");
        await AssertRefusedAsync(stranger.GetAsync("/api/matchmaking/lobby/00000000-0000-0000-0000-000000000001"), HttpStatusCode.NotFound, "Lobby not found");
        await AssertRefusedAsync(member.PostAsync("/api/matchmaking/lobby/create", null), HttpStatusCode.Conflict, "You are already in an unfinished game.");

        var lobby = await (await stranger.PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync();
        var code = lobby.GetProperty("invite_code").GetString()!;
        using var outsider = host.CreateClientFor(MafiaTable.NewAccount());
        await AssertRefusedAsync(outsider.PostAsync($"/api/matchmaking/lobby/{code}/ready", null), HttpStatusCode.Forbidden, "You are not in this lobby.");
        await AssertRefusedAsync(member.PostAsync("/api/matchmaking/lobby/join/" + code, null), HttpStatusCode.Conflict, "You are already in an unfinished game.");

        var members = (await (await stranger.GetAsync($"/api/matchmaking/lobby/{code}")).ReadJsonAsync()).GetProperty("members");
        Assert.Equal(1, members.GetArrayLength());
    }

    [Fact]
    public async Task Night_actions_and_votes_racing_on_one_game_all_succeed()
    {
        var table = await MafiaTable.StartAsync(host, players: 8);
        var mafia = table.MafiaMembers;
        var citizens = table.Citizens;
        Assert.Equal(2, mafia.Length);
        var admin = host.AdminId;

        // The night at once, a mafia member repeating themself; the detective, last, ends it.
        var night = await Task.WhenAll(
            table.PostAsync(mafia[0], "action", Kill(citizens[1])),
            table.PostAsync(mafia[0], "action", Kill(citizens[0])),
            table.PostAsync(mafia[1], "action", Kill(citizens[0])),
            table.PostAsync(mafia[1], "action", Kill(citizens[0])),
            table.PostAsync(table.Doctor, "action", new { action = "heal", target_id = Id(citizens[3]) }));
        Assert.All(night, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var mafiaChoice = (await StateAsync(table, mafia[0])).GetProperty("can_act");
        Assert.False(mafiaChoice.GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(mafia[0], "action", Kill(citizens[0]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(table.Detective, "action", new { action = "investigate", target_id = Id(mafia[0]) })).StatusCode);

        var day = await WaitForPhaseAsync(table, admin, "day");
        Assert.Equal(1, day.GetProperty("day_count").GetInt32());
        Assert.Equal(7, day.GetProperty("alive_players").GetArrayLength());
        Assert.DoesNotContain(Id(citizens[0]), day.GetProperty("alive_players").EnumerateArray().Select(p => p.GetString()));
        // One choice per role-holder survives the racing: each mafia member's kill, the heal, the investigation.
        var mafiaHistory = (await HistoryAsync(table, mafia[1])).EnumerateArray().ToArray();
        Assert.Equal([Id(citizens[0]), Id(citizens[0])], mafiaHistory.Where(a => a.GetProperty("action_type").GetString() == "kill").Select(a => a.GetProperty("target_id").GetString()));
        Assert.Single((await HistoryAsync(table, table.Doctor)).EnumerateArray(), a => a.GetProperty("action_type").GetString() == "heal");

        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(admin, "advance_phase", null, "admin")).StatusCode);
        var alive = day.GetProperty("alive_players").EnumerateArray().Select(p => long.Parse(p.GetString()!)).ToArray();
        var votes = await Task.WhenAll(alive.Select(voter => table.PostAsync(voter, "vote", new { target_id = Id(voter == mafia[0] ? mafia[1] : mafia[0]) })));
        Assert.All(votes, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // Every vote counted: the voting ended early, and the history holds all seven.
        var next = await WaitForPhaseAsync(table, admin, "night");
        Assert.Equal(2, next.GetProperty("day_count").GetInt32());
        Assert.DoesNotContain(Id(mafia[0]), next.GetProperty("alive_players").EnumerateArray().Select(p => p.GetString()));
        var history = await HistoryAsync(table, admin);
        Assert.Equal(7, history.EnumerateArray().Count(a => a.GetProperty("action_type").GetString() == "vote"));
        Assert.Single(history.EnumerateArray(), a => a.GetProperty("action_type").GetString() == "phase_change" && a.GetProperty("result").GetString() == "voting");
    }

    private static object Kill(long target) => new { action = "kill", target_id = Id(target) };

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AssertRefusedAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string detail)
    {
        using var response = await request;
        Assert.Equal(status, response.StatusCode);
        var body = await response.ReadJsonAsync();
        AssertProperties(body, "detail");
        Assert.Equal(detail, body.GetProperty("detail").GetString());
    }

    private async Task<JsonElement> StateAsync(MafiaTable table, long player)
    {
        using var client = host.CreateClientFor(player);
        return await client.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
    }

    /// <summary>The history as <paramref name="viewer"/> sees it (an account that is no player watches as an admin).</summary>
    private async Task<JsonElement> HistoryAsync(MafiaTable table, long viewer)
    {
        using var client = table.Ids.Contains(viewer) ? host.CreateClientFor(viewer) : host.CreateClientFor(viewer, "admin");
        return (await client.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/history")).GetProperty("actions");
    }

    private async Task<JsonElement> WaitForPhaseAsync(MafiaTable table, long admin, string phase)
    {
        using var client = host.CreateClientFor(admin, "admin");
        var state = await client.GetFromJsonAsync<JsonElement>($"/api/game/{table.GameId}/state");
        Assert.Equal(phase, state.GetProperty("phase").GetString());
        return state;
    }
}
