using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CleanGames.Domain.Mafia.Games;
using CleanGames.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>Seed 000 sections 2 and 5 over REST: lobbies, a whole game, and the error paths.</summary>
public sealed class MafiaRestTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private static long _nextAccount = 7_000_000;

    [Fact]
    public async Task A_lobby_of_four_ready_players_starts_a_game_and_citizens_win_by_voting_out_the_mafia()
    {
        var ids = Enumerable.Range(0, 4).Select(_ => Interlocked.Increment(ref _nextAccount)).ToArray();
        var clients = ids.ToDictionary(id => id, id => host.CreateClientFor(id));
        using var admin = host.CreateClientFor(host.AdminId, "admin");

        var created = await (await clients[ids[0]].PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync();
        AssertProperties(created, "invite_code", "lobby_id");
        var code = created.GetProperty("invite_code").GetString()!;
        foreach (var id in ids.Skip(1))
        {
            var joined = await clients[id].PostAsync("/api/matchmaking/lobby/join/" + code, null);
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
            Assert.True((await joined.ReadJsonAsync()).GetProperty("success").GetBoolean());
        }

        var lobby = await (await clients[ids[1]].GetAsync("/api/matchmaking/lobby/" + created.GetProperty("lobby_id").GetString())).ReadJsonAsync();
        Assert.Equal(4, lobby.GetProperty("members").GetArrayLength());
        foreach (var id in ids)
        {
            // The invite code is accepted in place of the lobby id.
            Assert.Equal(HttpStatusCode.OK, (await clients[id].PostAsync($"/api/matchmaking/lobby/{code}/ready", null)).StatusCode);
        }

        var myGame = await (await clients[ids[2]].GetAsync("/api/game/my_game")).ReadJsonAsync();
        AssertProperties(myGame, "active_game");
        var gameId = myGame.GetProperty("active_game").GetString()!;

        var roles = new Dictionary<long, string>();
        foreach (var id in ids)
        {
            var state = await (await clients[id].GetAsync($"/api/game/{gameId}/state")).ReadJsonAsync();
            AssertProperties(state, "game_id", "phase", "day_count", "alive_players", "my_role", "can_act", "time_remaining", "mafia_players", "deal_commitment", "deal_seed", "winner", "phase_started_at", "phase_ends_at", "server_time");
            Assert.Equal("night", state.GetProperty("phase").GetString());
            Assert.Equal(1, state.GetProperty("day_count").GetInt32());
            Assert.Equal(60, state.GetProperty("time_remaining").GetInt32());
            Assert.Equal(JsonValueKind.Null, state.GetProperty("deal_seed").ValueKind);
            roles[id] = state.GetProperty("my_role").GetString()!;
            Assert.Equal(roles[id] == "mafia", state.GetProperty("mafia_players").ValueKind == JsonValueKind.Array);
        }

        Assert.Equal(["citizen", "citizen", "detective", "mafia"], roles.Values.Order(StringComparer.Ordinal).ToArray());
        var mafia = roles.Single(r => r.Value == "mafia").Key;
        var detective = roles.Single(r => r.Value == "detective").Key;
        var citizens = roles.Where(r => r.Value == "citizen").Select(r => r.Key).ToArray();

        // A citizen has nothing to do at night; the detective and the mafia act, which ends the night early.
        var refused = await clients[citizens[0]].PostAsync($"/api/game/{gameId}/action", Body(new { action = "kill", target_id = mafia.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        AssertProperties(await refused.ReadJsonAsync(), "detail");
        Assert.Equal(HttpStatusCode.OK, (await clients[detective].PostAsync($"/api/game/{gameId}/action", Body(new { action = "investigate", target_id = mafia.ToString() }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients[mafia].PostAsync($"/api/game/{gameId}/action", Body(new { action = "kill", target_id = citizens[0].ToString() }))).StatusCode);

        var day = await (await clients[detective].GetAsync($"/api/game/{gameId}/state")).ReadJsonAsync();
        Assert.Equal("day", day.GetProperty("phase").GetString());
        Assert.Equal(3, day.GetProperty("alive_players").GetArrayLength());

        var players = await (await clients[citizens[1]].GetAsync($"/api/game/{gameId}/players")).ReadJsonAsync();
        var dead = players.GetProperty("players").EnumerateArray().Single(p => p.GetProperty("user_id").GetString() == citizens[0].ToString());
        AssertProperties(dead, "user_id", "alive", "death_reason", "role");
        Assert.Equal("killed", dead.GetProperty("death_reason").GetString());
        Assert.Equal(JsonValueKind.Null, dead.GetProperty("role").ValueKind);

        // The night's actions are hidden from a citizen; the detective sees their own investigation.
        var citizenHistory = await (await clients[citizens[1]].GetAsync($"/api/game/{gameId}/history?day=1")).ReadJsonAsync();
        Assert.DoesNotContain(citizenHistory.GetProperty("actions").EnumerateArray(), a => a.GetProperty("action_type").GetString() is "kill" or "investigate");
        var detectiveHistory = await (await clients[detective].GetAsync($"/api/game/{gameId}/history")).ReadJsonAsync();
        var investigation = detectiveHistory.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("action_type").GetString() == "investigate");
        Assert.Equal("mafia", investigation.GetProperty("result").GetString());
        Assert.Contains(detectiveHistory.GetProperty("actions").EnumerateArray(), a => a.GetProperty("action_type").GetString() == "phase_change" && a.GetProperty("player_id").GetString() == "system");

        Assert.Equal(HttpStatusCode.Forbidden, (await clients[detective].PostAsync($"/api/game/{gameId}/advance_phase", null)).StatusCode);
        var voting = await (await admin.PostAsync($"/api/game/{gameId}/advance_phase", null)).ReadJsonAsync();
        Assert.Equal("voting", voting.GetProperty("phase").GetString());

        Assert.Equal(HttpStatusCode.OK, (await clients[detective].PostAsync($"/api/game/{gameId}/vote", Body(new { target_id = mafia.ToString() }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients[mafia].PostAsync($"/api/game/{gameId}/vote", Body(new { target_id = (string?)null }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients[citizens[1]].PostAsync($"/api/game/{gameId}/vote", Body(new { target_id = mafia.ToString() }))).StatusCode);

        var ended = await (await clients[citizens[1]].GetAsync($"/api/game/{gameId}/state")).ReadJsonAsync();
        Assert.Equal("ended", ended.GetProperty("phase").GetString());
        Assert.Equal("citizens", ended.GetProperty("winner").GetString());

        // The revealed seed recomputes the deal and its commitment.
        var seed = Convert.FromHexString(ended.GetProperty("deal_seed").GetString()!);
        var seated = ids.Select(id => id switch
        {
            _ when id == mafia => Role.Mafia,
            _ when id == detective => Role.Detective,
            _ => Role.Citizen,
        });
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{gameId}|{Convert.ToHexStringLower(seed)}|{string.Join(',', seated.Select(GameNames.Of))}")));
        Assert.Equal(expected, ended.GetProperty("deal_commitment").GetString());
        Assert.Equal(seated.ToArray(), DealShuffle.Deal(new GameSettings().RolesFor(4), seed).ToArray());

        var everyone = await (await clients[citizens[1]].GetAsync($"/api/game/{gameId}/players?role=mafia")).ReadJsonAsync();
        Assert.Equal(mafia.ToString(), everyone.GetProperty("players")[0].GetProperty("user_id").GetString());
        Assert.Equal(JsonValueKind.Null, (await (await clients[ids[0]].GetAsync("/api/game/my_game")).ReadJsonAsync()).GetProperty("active_game").ValueKind);
    }

    [Fact]
    public async Task Every_history_entry_names_its_actor_and_entries_no_player_caused_name_the_system()
    {
        var table = await MafiaTable.StartAsync(host);
        var (mafia, detective, citizens) = (table.Mafia, table.Detective, table.Citizens);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(detective, "action", new { action = "investigate", target_id = mafia.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(mafia, "action", new { action = "kill", target_id = citizens[0].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(host.AdminId, "advance_phase", null, "admin")).StatusCode);
        foreach (var voter in new[] { detective, citizens[1] })
        {
            Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(voter, "vote", new { target_id = mafia.ToString() })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(mafia, "vote", new { target_id = (string?)null })).StatusCode);

        // Ended, so every entry is visible: phase changes, the night's death, the vote's death and the end.
        using var client = host.CreateClientFor(citizens[1]);
        var actions = (await (await client.GetAsync($"/api/game/{table.GameId}/history")).ReadJsonAsync()).GetProperty("actions").EnumerateArray().ToArray();
        Assert.All(actions, a => Assert.Equal(JsonValueKind.String, a.GetProperty("player_id").ValueKind));
        var unattended = actions.Where(a => a.GetProperty("action_type").GetString() is "phase_change" or "death" or "game_end").ToArray();
        Assert.Equal(2, unattended.Count(a => a.GetProperty("action_type").GetString() == "death"));
        Assert.Single(unattended, a => a.GetProperty("action_type").GetString() == "game_end");
        Assert.All(unattended, a => Assert.Equal("system", a.GetProperty("player_id").GetString()));
        var acted = actions.Except(unattended).ToArray();
        Assert.Equal(
            new[] { detective, mafia, detective, citizens[1], mafia }.Select(id => id.ToString()).Order(StringComparer.Ordinal),
            acted.Select(a => a.GetProperty("player_id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task An_id_that_names_no_game_is_404_with_detail(string gameId)
    {
        using var client = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        var response = await client.GetAsync($"/api/game/{gameId}/state");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertProperties(await response.ReadJsonAsync(), "detail");
    }

    [Fact]
    public async Task Lobby_errors_answer_in_the_fastapi_dialect()
    {
        using var owner = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        var invalid = await owner.PostAsync("/api/matchmaking/lobby/create", Body(new { max_players = 8, settings = new { night_seconds = 0 } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await invalid.ReadJsonAsync()).GetProperty("detail").ValueKind);

        var unknown = await owner.PostAsync("/api/matchmaking/lobby/join/NOSUCH00", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var lobby = await (await owner.PostAsync("/api/matchmaking/lobby/create", Body(new { max_players = 4 }))).ReadJsonAsync();
        var second = await owner.PostAsync("/api/matchmaking/lobby/create", null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            using var guest = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
            Assert.Equal(HttpStatusCode.OK, (await guest.PostAsync("/api/matchmaking/lobby/join/" + lobby.GetProperty("invite_code").GetString(), null)).StatusCode);
        }

        using var late = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        var full = await late.PostAsync("/api/matchmaking/lobby/join/" + lobby.GetProperty("invite_code").GetString(), null);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        AssertProperties(await full.ReadJsonAsync(), "detail");
    }

    [Fact]
    public async Task Validation_errors_say_whether_the_field_came_in_the_body_or_the_query_string()
    {
        using var client = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        using var admin = host.CreateClientFor(host.AdminId, "admin");

        var body = await client.PostAsync("/api/matchmaking/lobby/create", Body(new { max_players = 8, settings = new { night_seconds = 0 } }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, body.StatusCode);
        var bodyItem = Assert.Single((await body.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        AssertProperties(bodyItem, "loc", "msg", "type");
        Assert.Equal(["body", "settings", "night_seconds"], bodyItem.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));

        var query = await client.GetAsync("/api/game/active?page=1&per_page=0");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, query.StatusCode);
        var queryItem = Assert.Single((await query.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        Assert.Equal(["query", "per_page"], queryItem.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));

        var missing = await admin.PostAsync("/api/game/admin/00000000-0000-0000-0000-000000000001/end?winner_team=nobody", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var winnerItem = Assert.Single((await missing.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        Assert.Equal(["query", "winner_team"], winnerItem.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Active_games_players_and_history_filter_and_page_as_the_seed_says()
    {
        var table = await MafiaTable.StartAsync(host);
        using var citizen = host.CreateClientFor(table.Citizens[0]);
        using var mafia = host.CreateClientFor(table.Mafia);

        // GET /api/game/active: a page of unfinished games.
        var active = await (await citizen.GetAsync("/api/game/active?page=1&per_page=1")).ReadJsonAsync();
        AssertProperties(active, "games", "total", "page", "per_page");
        Assert.Equal(1, active.GetProperty("page").GetInt32());
        Assert.Equal(1, active.GetProperty("per_page").GetInt32());
        Assert.True(active.GetProperty("total").GetInt64() >= 1);
        AssertProperties(Assert.Single(active.GetProperty("games").EnumerateArray()), "game_id", "mode", "phase", "day_count", "players_count", "alive_count", "started_at");
        var all = await (await citizen.GetAsync("/api/game/active?per_page=100")).ReadJsonAsync();
        var listed = all.GetProperty("games").EnumerateArray().Single(g => g.GetProperty("game_id").GetString() == table.GameId);
        Assert.Equal("night", listed.GetProperty("phase").GetString());
        Assert.Equal(4, listed.GetProperty("players_count").GetInt32());
        // A page inside the result window but past the last game is empty; one beyond the window is refused.
        var past = await (await citizen.GetAsync("/api/game/active?page=100&per_page=100")).ReadJsonAsync();
        Assert.Empty(past.GetProperty("games").EnumerateArray());
        Assert.Equal(100, past.GetProperty("page").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await citizen.GetAsync("/api/game/active?page=2000000000&per_page=100")).StatusCode);

        // GET /players?role=: a role the caller cannot see matches nobody.
        Assert.Empty((await (await citizen.GetAsync($"/api/game/{table.GameId}/players?role=mafia")).ReadJsonAsync()).GetProperty("players").EnumerateArray());
        var seen = (await (await mafia.GetAsync($"/api/game/{table.GameId}/players?role=mafia")).ReadJsonAsync()).GetProperty("players");
        Assert.Equal(table.Mafia.ToString(), Assert.Single(seen.EnumerateArray()).GetProperty("user_id").GetString());
        var mine = (await (await citizen.GetAsync($"/api/game/{table.GameId}/players?role=citizen")).ReadJsonAsync()).GetProperty("players");
        Assert.Equal(table.Citizens[0].ToString(), Assert.Single(mine.EnumerateArray()).GetProperty("user_id").GetString());
        Assert.Equal(4, (await (await citizen.GetAsync($"/api/game/{table.GameId}/players")).ReadJsonAsync()).GetProperty("players").GetArrayLength());

        // Play into day 2, then GET /history?day=.
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(table.Detective, "action", new { action = "investigate", target_id = table.Citizens[1].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(table.Mafia, "action", new { action = "kill", target_id = table.Citizens[1].ToString() })).StatusCode);
        var admin = host.AdminId;
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(admin, "advance_phase", null, "admin")).StatusCode);
        foreach (var voter in new[] { table.Mafia, table.Detective, table.Citizens[0] })
        {
            Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(voter, "vote", new { target_id = (string?)null })).StatusCode);
        }

        var dayOne = (await (await citizen.GetAsync($"/api/game/{table.GameId}/history?day=1")).ReadJsonAsync()).GetProperty("actions").EnumerateArray().ToArray();
        var dayTwo = (await (await citizen.GetAsync($"/api/game/{table.GameId}/history?day=2")).ReadJsonAsync()).GetProperty("actions").EnumerateArray().ToArray();
        var every = (await (await citizen.GetAsync($"/api/game/{table.GameId}/history")).ReadJsonAsync()).GetProperty("actions").EnumerateArray().ToArray();
        Assert.All(dayOne, a => Assert.Equal(1, a.GetProperty("day").GetInt32()));
        Assert.All(dayTwo, a => Assert.Equal(2, a.GetProperty("day").GetInt32()));
        Assert.Equal(3, dayOne.Count(a => a.GetProperty("action_type").GetString() == "vote"));
        Assert.Contains(dayOne, a => a.GetProperty("action_type").GetString() == "death" && a.GetProperty("target_id").GetString() == table.Citizens[1].ToString());
        Assert.Single(dayTwo, a => a.GetProperty("action_type").GetString() == "phase_change" && a.GetProperty("result").GetString() == "night");
        Assert.Equal(every.Length, dayOne.Length + dayTwo.Length);
        Assert.All(every, a => AssertProperties(a, "day", "phase", "player_id", "action_type", "target_id", "result", "timestamp"));
    }

    [Fact]
    public async Task A_banned_account_a_started_lobby_and_a_second_lobby_are_refused()
    {
        var anonymous = host.CreateClient();
        var registered = await anonymous.RegisterGameClientAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CleanGames.Infrastructure.Persistence.ApplicationDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.Id == registered.AccountId);
            account.Ban();
            await db.SaveChangesAsync();
        }

        using var banned = host.CreateClientFor(registered.AccountId);
        var refused = await banned.PostAsync("/api/matchmaking/lobby/create", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("You may not join games.", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());

        // The lobby of a started game takes nobody more, and its members are done readying.
        var table = await MafiaTable.StartAsync(host);
        using var late = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        var join = await late.PostAsync("/api/matchmaking/lobby/join/" + table.InviteCode, null);
        Assert.Equal(HttpStatusCode.Conflict, join.StatusCode);
        Assert.Equal("The lobby's game has already started.", (await join.ReadJsonAsync()).GetProperty("detail").GetString());
        using var member = host.CreateClientFor(table.Ids[1]);
        var ready = await member.PostAsync($"/api/matchmaking/lobby/{table.InviteCode}/ready", null);
        Assert.Equal(HttpStatusCode.Conflict, ready.StatusCode);
        Assert.Equal("The lobby's game has already started.", (await ready.ReadJsonAsync()).GetProperty("detail").GetString());

        // One open lobby at a time.
        using var owner = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        var other = await (await owner.PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync();
        using var wanderer = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        Assert.Equal(HttpStatusCode.OK, (await wanderer.PostAsync("/api/matchmaking/lobby/create", null)).StatusCode);
        var second = await wanderer.PostAsync("/api/matchmaking/lobby/join/" + other.GetProperty("invite_code").GetString(), null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("You are already in another lobby.", (await second.ReadJsonAsync()).GetProperty("detail").GetString());
        var members = (await (await owner.GetAsync("/api/matchmaking/lobby/" + other.GetProperty("invite_code").GetString())).ReadJsonAsync()).GetProperty("members");
        Assert.Equal(1, members.GetArrayLength());
    }

    [Fact]
    public async Task Leaving_a_lobby_frees_the_player_starts_a_ready_table_and_the_last_one_out_closes_it()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Interlocked.Increment(ref _nextAccount)).ToArray();
        var clients = ids.ToDictionary(id => id, id => host.CreateClientFor(id));
        var code = (await (await clients[ids[0]].PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync()).GetProperty("invite_code").GetString()!;
        foreach (var id in ids.Skip(1))
        {
            (await clients[id].PostAsync("/api/matchmaking/lobby/join/" + code, null)).EnsureSuccessStatusCode();
        }

        foreach (var id in ids.Take(4))
        {
            (await clients[id].PostAsync($"/api/matchmaking/lobby/{code}/ready", null)).EnsureSuccessStatusCode();
        }

        using var stranger = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        var refused = await stranger.PostAsync($"/api/matchmaking/lobby/{code}/leave", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("You are not in this lobby.", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync("/api/matchmaking/lobby/NOSUCH00/leave", null)).StatusCode);

        // The one who never readied leaves: the four ready players start at once.
        var left = await clients[ids[4]].PostAsync($"/api/matchmaking/lobby/{code}/leave", null);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        AssertProperties(await left.ReadJsonAsync(), "success");
        var lobby = await (await clients[ids[0]].GetAsync("/api/matchmaking/lobby/" + code)).ReadJsonAsync();
        Assert.Equal("started", lobby.GetProperty("status").GetString());
        Assert.Equal(4, lobby.GetProperty("members").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, (await (await clients[ids[4]].GetAsync("/api/game/my_game")).ReadJsonAsync()).GetProperty("active_game").ValueKind);
        Assert.Equal(lobby.GetProperty("game_id").GetString(), (await (await clients[ids[0]].GetAsync("/api/game/my_game")).ReadJsonAsync()).GetProperty("active_game").GetString());
        var late = await clients[ids[1]].PostAsync($"/api/matchmaking/lobby/{code}/leave", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        // The one who left is free to make a table of their own, and the last one out of it closes it.
        var own = (await (await clients[ids[4]].PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync()).GetProperty("invite_code").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await clients[ids[4]].PostAsync($"/api/matchmaking/lobby/{own}/leave", null)).StatusCode);
        Assert.Equal("closed", (await (await stranger.GetAsync("/api/matchmaking/lobby/" + own)).ReadJsonAsync()).GetProperty("status").GetString());
        var closed = await stranger.PostAsync("/api/matchmaking/lobby/join/" + own, null);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal("Everyone left this lobby; it is closed.", (await closed.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_player_racing_into_two_lobbies_lands_in_one()
    {
        using var first = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        using var second = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        var codes = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            using var a = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
            using var b = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
            var one = (await (await a.PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync()).GetProperty("invite_code").GetString()!;
            var two = (await (await b.PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync()).GetProperty("invite_code").GetString()!;
            using var racer = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));

            var answers = await Task.WhenAll(racer.PostAsync("/api/matchmaking/lobby/join/" + one, null), racer.PostAsync("/api/matchmaking/lobby/join/" + two, null));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(r => r.StatusCode).Order());
            var seated = 0;
            foreach (var code in new[] { one, two })
            {
                seated += (await (await a.GetAsync("/api/matchmaking/lobby/" + code)).ReadJsonAsync()).GetProperty("members").GetArrayLength() - 1;
            }

            Assert.Equal(1, seated);
        }
    }

    [Fact]
    public async Task The_store_refuses_a_second_open_seat_for_one_player()
    {
        var player = Interlocked.Increment(ref _nextAccount);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CleanGames.Infrastructure.Persistence.ApplicationDbContext>();
        db.MafiaLobbies.Add(CleanGames.Domain.Mafia.Lobbies.Lobby.Create(Guid.NewGuid(), "SEATONE2", "classic", 6, new CleanGames.Application.Mafia.Lobbies.Common.LobbySettingsInput().ToSettings(), player, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        db.MafiaLobbies.Add(CleanGames.Domain.Mafia.Lobbies.Lobby.Create(Guid.NewGuid(), "SEATTWO2", "classic", 6, new CleanGames.Application.Mafia.Lobbies.Common.LobbySettingsInput().ToSettings(), player, DateTimeOffset.UtcNow));

        await Assert.ThrowsAsync<CleanGames.Application.Common.Errors.DuplicateKeyException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_deprecated_create_validates_player_count_and_points_at_a_lobby()
    {
        using var client = host.CreateClientFor(Interlocked.Increment(ref _nextAccount));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync("/api/game/create", Body(new { player_count = 3 }))).StatusCode);

        var created = await (await client.PostAsync("/api/game/create", Body(new { player_count = 6 }))).ReadJsonAsync();
        AssertProperties(created, "message", "redirect");
        var code = created.GetProperty("redirect").GetString()!.Split('/')[^1];
        var lobby = await (await client.GetAsync("/api/matchmaking/lobby/" + code)).ReadJsonAsync();
        Assert.Equal(6, lobby.GetProperty("max_players").GetInt32());
    }
}
