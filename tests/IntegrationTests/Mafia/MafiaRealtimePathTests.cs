using System.Text.Json;
using CleanGames.IntegrationTests.Gateway;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>
/// One realtime path: a game command registered once is served on the game socket (bound to its
/// game), on <c>/hubs/game</c> (named methods and <c>invoke</c>) and on <c>/v1/connect</c> (domain
/// <c>mafia</c>), each running the same use case with the same refusals.
/// </summary>
public sealed class MafiaRealtimePathTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task A_game_command_runs_the_same_use_case_on_the_socket_the_hub_and_the_gateway()
    {
        var table = await MafiaTable.StartAsync(host, players: 4);
        var mafia = table.Mafia;
        var citizen = table.Ids.First(id => id != mafia);
        using var socket = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={host.IssueToken(mafia)}");
        Assert.Equal("connected", (await MafiaTable.NextAsync(socket, "type", "connected")).GetProperty("type").GetString());

        // The socket is bound to its game: a vote frame needs no game_id, and the night refuses it as REST would.
        await RealtimeGatewayTests.SendAsync(socket, $$"""{"type":"vote","target_id":"{{citizen}}"}""");
        Assert.Equal("Votes are cast in the voting phase only.", (await MafiaTable.NextAsync(socket, "type", "error")).GetProperty("detail").GetString());
        // A target of the wrong JSON type is refused as REST refuses it, never taken as a skipped vote.
        await RealtimeGatewayTests.SendAsync(socket, $$"""{"type":"vote","target_id":{{citizen}}}""");
        Assert.Contains("Invalid payload", (await MafiaTable.NextAsync(socket, "type", "error")).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await RealtimeGatewayTests.SendAsync(socket, """{"type":"teleport"}""");
        var unknown = (await MafiaTable.NextAsync(socket, "type", "error")).GetProperty("detail").GetString()!;
        Assert.Contains("vote, night_action, chat, emoji", unknown, StringComparison.Ordinal);

        // /v1/connect carries the same commands under domain "mafia", naming the game in the payload.
        using var gateway = await host.ConnectWebSocketAsync("/v1/connect?token=" + host.IssueToken(mafia));
        Assert.Equal("hello", (await RealtimeGatewayTests.ReceiveJsonAsync(gateway)).GetProperty("type").GetString());
        await RealtimeGatewayTests.SendAsync(gateway, $$$"""{"type":"command","v":1,"request_id":"c1","domain":"mafia","command":"chat","payload":{"game_id":"{{{table.GameId}}}","message":"via the gateway"}}""");
        var reply = await RealtimeGatewayTests.ReceiveJsonAsync(gateway);
        Assert.Equal("reply", reply.GetProperty("type").GetString());
        Assert.True(reply.GetProperty("payload").GetProperty("success").GetBoolean());
        Assert.Equal("via the gateway", (await MafiaTable.NextAsync(socket, "type", "chat")).GetProperty("message").GetString());

        await RealtimeGatewayTests.SendAsync(gateway, $$$"""{"type":"command","v":1,"request_id":"c2","domain":"mafia","command":"vote","payload":{"game_id":"{{{table.GameId}}}","target_id":"{{{citizen}}}"}}""");
        var refused = await RealtimeGatewayTests.ReceiveJsonAsync(gateway);
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("mafia.vote.wrong_phase", refused.GetProperty("code").GetString());

        // The hub: named methods and invoke run the same registrations.
        await using var hub = host.CreateHubConnection("/hubs/game", host.IssueToken(mafia));
        await hub.StartAsync();
        var success = await hub.InvokeAsync<JsonElement>("invoke", "emoji", JsonSerializer.SerializeToElement(new { game_id = table.GameId, emoji = "🔪" }));
        Assert.True(success.GetProperty("success").GetBoolean());
        Assert.Equal("🔪", (await MafiaTable.NextAsync(socket, "type", "emoji")).GetProperty("emoji").GetString());
        var wrongPhase = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("Vote", table.GameId, citizen.ToString()));
        Assert.Contains("Votes are cast in the voting phase only.", wrongPhase.Message, StringComparison.Ordinal);
        var noSuch = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("invoke", "teleport", JsonSerializer.SerializeToElement(new { game_id = table.GameId })));
        Assert.Contains("Unknown command", noSuch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kitchen_hub_serves_any_request_type_through_invoke()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await using var hub = host.CreateHubConnection("/hubs/kitchen", player.Token);
        await hub.StartAsync();

        var opened = await hub.InvokeAsync<JsonElement>("invoke", "session", JsonSerializer.SerializeToElement(new { }));
        Assert.True(opened.TryGetProperty("session", out _));
        var cooked = await hub.InvokeAsync<JsonElement>("invoke", "cook", JsonSerializer.SerializeToElement(new { }));
        Assert.True(cooked.GetProperty("dishes_cooked").GetInt64() > 0);
        var unknown = await hub.InvokeAsync<JsonElement>("invoke", "teleport", JsonSerializer.SerializeToElement(new { }));
        Assert.Equal(22, unknown.GetProperty("error").GetProperty("code").GetInt32());
    }
}
