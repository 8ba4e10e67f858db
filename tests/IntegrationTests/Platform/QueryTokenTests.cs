using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>
/// A token in the query string is read only by realtime endpoints: a raw socket's real WebSocket
/// upgrade, and a hub's negotiation and transports. A REST request never authenticates from its URL,
/// whatever upgrade headers it carries.
/// </summary>
public sealed class QueryTokenTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    public static TheoryData<string, string[]> RestRoutes => new()
    {
        { "/api/v1/auth/me", ["error", "meta"] },
        { "/api/kitchen/session", ["status", "message"] },
        { "/api/game/my_game", ["detail"] },
    };

    [Theory]
    [MemberData(nameof(RestRoutes))]
    public async Task A_rest_request_dressed_as_a_websocket_upgrade_is_not_authenticated_by_its_query(string route, string[] errorShape)
    {
        var token = await SignedInTokenAsync();

        foreach (var name in new[] { "access_token", "token" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{route}?{name}={token}");
            request.Headers.Connection.Add("Upgrade");
            request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
            request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
            request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
            using var client = host.CreateClient();
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            AssertProperties(await response.ReadJsonAsync(), errorShape);
        }

        // The same token in the header is accepted: the refusal is about where it was carried.
        var withHeader = await host.CreateClient().WithBearer(token).GetAsync(route);
        Assert.NotEqual(HttpStatusCode.Unauthorized, withHeader.StatusCode);
    }

    [Fact]
    public async Task A_plain_request_to_a_rest_route_or_a_socket_route_is_not_authenticated_by_its_query()
    {
        var token = await SignedInTokenAsync();
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me?access_token=" + token)).StatusCode);

        // /v1/connect needs a caller: with the header a plain request gets as far as "WebSocket only" (400),
        // with the query it gets no caller at all (401). A client of its own: the socket route is in no
        // OpenAPI operation for the conformance check to hold its answers to.
        using var socketRoute = new HttpClient { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await socketRoute.GetAsync("/v1/connect?access_token=" + token)).StatusCode);
        socketRoute.WithBearer(token);
        Assert.Equal(HttpStatusCode.BadRequest, (await socketRoute.GetAsync("/v1/connect")).StatusCode);
    }

    [Theory]
    [InlineData("/v1/connect?access_token=")]
    [InlineData("/v1/connect?token=")]
    [InlineData("/ws/notifications?access_token=")]
    public async Task A_real_websocket_upgrade_is_authenticated_by_its_query(string pathAndQuery)
    {
        using var socket = await host.ConnectWebSocketAsync(pathAndQuery + await SignedInTokenAsync());
        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    public static TheoryData<string, HttpTransportType> HubTransports => new()
    {
        { "/hubs/kitchen", HttpTransportType.WebSockets },
        { "/hubs/game", HttpTransportType.WebSockets },
        { "/hubs/notifications", HttpTransportType.WebSockets },
        { "/hubs/reader", HttpTransportType.WebSockets },
        { "/hubs/reader", HttpTransportType.LongPolling },
        { "/hubs/game", HttpTransportType.ServerSentEvents },
        { "/hubs/game", HttpTransportType.LongPolling },
    };

    [Theory]
    [MemberData(nameof(HubTransports))]
    public async Task A_hub_negotiates_and_connects_with_access_token_in_the_query(string hub, HttpTransportType transport)
    {
        await using var connection = host.CreateNegotiatingHubConnection($"{hub}?access_token={await SignedInTokenAsync()}", transport);
        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task Hub_negotiation_reads_the_query_token_and_refuses_without_one()
    {
        var client = host.CreateClient();
        var refused = await client.PostAsync("/hubs/game/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var negotiated = await client.PostAsync($"/hubs/game/negotiate?negotiateVersion=1&access_token={await SignedInTokenAsync()}", null);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        Assert.True((await negotiated.ReadJsonAsync()).TryGetProperty("connectionToken", out _));
    }

    private async Task<string> SignedInTokenAsync()
    {
        var client = host.CreateClient();
        var (_, username, _, password) = await client.RegisterGameClientAsync();
        return (await client.LoginGameClientAsync(username, password)).GetProperty("token").GetString()!;
    }
}
