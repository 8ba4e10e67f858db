using System.Net.WebSockets;
using System.Text;
using CleanGames.IntegrationTests.Probes;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace CleanGames.IntegrationTests.Platform;

public sealed class RealtimeTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task A_raw_websocket_round_trips_text()
    {
        using var socket = await host.ConnectWebSocketAsync("/test/ws/echo");
        await SendAsync(socket, "hello");
        var (type, text, _) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Text, type);
        Assert.Equal("hello", text);
    }

    [Fact]
    public async Task A_frame_over_64_KiB_closes_the_socket_with_1009_and_neighbours_are_untouched()
    {
        using var neighbour = await host.ConnectWebSocketAsync("/test/ws/echo");
        using var socket = await host.ConnectWebSocketAsync("/test/ws/echo");
        await SendAsync(socket, new string('x', (64 * 1024) + 1));
        var (type, _, status) = await ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, status);

        await SendAsync(neighbour, "still here");
        Assert.Equal("still here", (await ReceiveAsync(neighbour)).Text);
    }

    [Fact]
    public async Task A_signalr_hub_speaks_snake_case_and_sees_the_callers_token()
    {
        await using var connection = host.CreateHubConnection("/test/hubs/probe", host.IssueToken(99, "user"));
        await connection.StartAsync();
        var result = await connection.InvokeAsync<ProbeModel>("Echo", new ProbeBody("hub", 2, null));
        Assert.Equal("hub", result.Name);
        Assert.Equal("99", result.Missing);
        Assert.Equal(2, result.Count);
    }

    internal static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    internal static async Task<(WebSocketMessageType Type, string? Text, WebSocketCloseStatus? Status)> ReceiveAsync(ClientWebSocket socket, int timeoutSeconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var buffer = new byte[128 * 1024];
        var total = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(total), timeout.Token);
            total += result.Count;
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, null, socket.CloseStatus);
            }

            if (result.EndOfMessage)
            {
                return (result.MessageType, Encoding.UTF8.GetString(buffer, 0, total), null);
            }
        }
    }
}

/// <summary>A host that is stopped by the test: open sockets must get a close frame, not a reset.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stopping_the_host_closes_open_websockets_with_going_away()
    {
        await using var host = new CleanGamesHost();
        await host.InitializeAsync();
        using var socket = await host.ConnectWebSocketAsync("/test/ws/echo");
        await RealtimeTests.SendAsync(socket, "ping");
        Assert.Equal("ping", (await RealtimeTests.ReceiveAsync(socket)).Text);

        var lifetime = (Microsoft.Extensions.Hosting.IHostApplicationLifetime)host.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime))!;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        lifetime.StopApplication();

        var (type, _, status) = await RealtimeTests.ReceiveAsync(socket);
        Assert.Equal(WebSocketMessageType.Close, type);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, status);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"close frame took {stopwatch.Elapsed}");
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "ok", CancellationToken.None);
    }
}
