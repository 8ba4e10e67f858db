using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>A table of players who made a lobby, readied and started a game over REST.</summary>
internal sealed class MafiaTable
{
    private static long _nextAccount = 8_000_000;

    private MafiaTable(CleanGamesHost host, string inviteCode, long[] ids, string gameId, Dictionary<long, string> roles)
    {
        Host = host;
        InviteCode = inviteCode;
        Ids = ids;
        GameId = gameId;
        Roles = roles;
    }

    public CleanGamesHost Host { get; }

    /// <summary>The invite code of the lobby the game started from.</summary>
    public string InviteCode { get; }

    public long[] Ids { get; }

    public string GameId { get; }

    public Dictionary<long, string> Roles { get; }

    public long Mafia => Roles.Single(r => r.Value == "mafia").Key;

    public long[] MafiaMembers => Roles.Where(r => r.Value == "mafia").Select(r => r.Key).ToArray();

    public long Detective => Roles.Single(r => r.Value == "detective").Key;

    public long Doctor => Roles.Single(r => r.Value == "doctor").Key;

    public long[] Citizens => Roles.Where(r => r.Value == "citizen").Select(r => r.Key).ToArray();

    public static long NewAccount() => Interlocked.Increment(ref _nextAccount);

    /// <summary>
    /// <paramref name="players"/> players; <paramref name="beforeReady"/> runs once everyone joined,
    /// before the last ready starts the game; <paramref name="settings"/> are the lobby's (the
    /// defaults when null); <paramref name="accounts"/> are the players (new accounts when null).
    /// </summary>
    public static async Task<MafiaTable> StartAsync(CleanGamesHost host, Func<long[], Task>? beforeReady = null, object? settings = null, int players = 4, long[]? accounts = null)
    {
        var ids = accounts ?? Enumerable.Range(0, players).Select(_ => NewAccount()).ToArray();
        players = ids.Length;
        using var owner = host.CreateClientFor(ids[0]);
        var lobby = await (await owner.PostAsync("/api/matchmaking/lobby/create", Body(new { max_players = players, settings }))).ReadJsonAsync();
        var code = lobby.GetProperty("invite_code").GetString()!;
        foreach (var id in ids.Skip(1))
        {
            using var client = host.CreateClientFor(id);
            (await client.PostAsync("/api/matchmaking/lobby/join/" + code, null)).EnsureSuccessStatusCode();
        }

        if (beforeReady is not null)
        {
            await beforeReady(ids);
        }

        foreach (var id in ids)
        {
            using var client = host.CreateClientFor(id);
            (await client.PostAsync($"/api/matchmaking/lobby/{code}/ready", null)).EnsureSuccessStatusCode();
        }

        using var first = host.CreateClientFor(ids[0]);
        var gameId = (await first.GetFromJsonAsync<JsonElement>("/api/game/my_game")).GetProperty("active_game").GetString()!;
        var roles = new Dictionary<long, string>();
        foreach (var id in ids)
        {
            using var client = host.CreateClientFor(id);
            roles[id] = (await client.GetFromJsonAsync<JsonElement>($"/api/game/{gameId}/state")).GetProperty("my_role").GetString()!;
        }

        return new MafiaTable(host, code, ids, gameId, roles);
    }

    public async Task<HttpResponseMessage> PostAsync(long accountId, string path, object? body = null, params string[] roles)
    {
        using var client = Host.CreateClientFor(accountId, roles);
        return await client.PostAsync($"/api/game/{GameId}/{path}", body is null ? null : Body(body));
    }

    /// <summary>Asserts a WebSocket upgrade to <paramref name="path"/> is answered with <paramref name="status"/> instead.</summary>
    public static async Task AssertUpgradeRefusedAsync(CleanGamesHost host, string path, System.Net.HttpStatusCode status)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(new Uri(host.BaseAddress, path)) { Scheme = "ws" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        Assert.Equal(status, socket.HttpStatusCode);
    }

    /// <summary>The next frame on <paramref name="socket"/> that has <paramref name="key"/> = <paramref name="name"/>, skipping others.</summary>
    public static async Task<JsonElement> NextAsync(ClientWebSocket socket, string key, string name)
    {
        while (true)
        {
            var frame = JsonDocument.Parse(await Gateway.RealtimeGatewayTests.ReceiveTextAsync(socket)).RootElement.Clone();
            if (frame.TryGetProperty(key, out var value) && value.GetString() == name)
            {
                return frame;
            }
        }
    }
}
