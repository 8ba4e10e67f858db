using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Gateway;

/// <summary>Seed 002 section 2: <c>/v1/connect</c>, hello frame and command envelope.</summary>
public sealed class RealtimeGatewayTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task The_first_frame_is_hello_with_a_connection_id_and_the_heartbeat()
    {
        using var socket = await host.ConnectWebSocketAsync("/v1/connect", host.IssueToken(1));
        var hello = await ReceiveJsonAsync(socket);
        AssertProperties(hello, "type", "v", "connection_id", "heartbeat_sec");
        Assert.Equal("hello", hello.GetProperty("type").GetString());
        Assert.Equal(1, hello.GetProperty("v").GetInt32());
        Assert.False(string.IsNullOrEmpty(hello.GetProperty("connection_id").GetString()));
        Assert.Equal(30, hello.GetProperty("heartbeat_sec").GetInt32());
    }

    [Fact]
    public async Task A_token_in_the_query_string_authenticates_the_upgrade()
    {
        using var socket = await host.ConnectWebSocketAsync("/v1/connect?token=" + host.IssueToken(2));
        Assert.Equal("hello", (await ReceiveJsonAsync(socket)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task Without_a_valid_token_the_upgrade_is_refused_with_401(string? token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var path = token is null ? "/v1/connect" : "/v1/connect?token=" + token;
        var uri = new UriBuilder(new Uri(host.BaseAddress, path)) { Scheme = "ws" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Ping_echoes_sent_at_with_the_server_clock()
    {
        using var socket = await ConnectAsync(3);
        await SendAsync(socket, """{"type":"command","v":1,"request_id":"req_1","domain":"system","command":"ping","payload":{"sent_at":1735689600}}""");
        var reply = await ReceiveJsonAsync(socket);

        AssertProperties(reply, "type", "v", "request_id", "ok", "payload");
        Assert.Equal("reply", reply.GetProperty("type").GetString());
        Assert.Equal("req_1", reply.GetProperty("request_id").GetString());
        Assert.True(reply.GetProperty("ok").GetBoolean());
        var payload = reply.GetProperty("payload");
        AssertProperties(payload, "sent_at", "server_time", "server_time_ms");
        Assert.Equal(1735689600, payload.GetProperty("sent_at").GetInt64());
        var now = host.Clock.GetUtcNow();
        Assert.Equal(now.ToUnixTimeSeconds(), payload.GetProperty("server_time").GetInt64());
        Assert.Equal(now.ToUnixTimeMilliseconds(), payload.GetProperty("server_time_ms").GetInt64());
    }

    public static TheoryData<string, string?, string> BadFrames => new()
    {
        { "{not json", null, "invalid_json" },
        { """{"type":"command","v":1,"domain":"system","command":"ping"}""", null, "missing_request_id" },
        { """{"type":"command","v":2,"request_id":"r2","domain":"system","command":"ping"}""", "r2", "unsupported_version" },
        { """{"type":"hello","v":1,"request_id":"r3","domain":"system","command":"ping"}""", "r3", "invalid_frame" },
        { """{"type":"command","v":1,"request_id":"r4","domain":"system","command":"teleport"}""", "r4", "unknown_command" },
        { """{"type":"command","v":1,"request_id":"r5","domain":"nowhere","command":"ping"}""", "r5", "unknown_command" },
        { """[1,2,3]""", null, "invalid_frame" },
        { """{"type":"command","v":1,"request_id":"r6","domain":"system","command":"ping","payload":"text"}""", "r6", "validation.failed" },
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task Bad_frames_get_an_error_frame_and_the_connection_stays_open(string frame, string? requestId, string code)
    {
        using var socket = await ConnectAsync(4);
        await SendAsync(socket, frame);
        var error = await ReceiveJsonAsync(socket);

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal(1, error.GetProperty("v").GetInt32());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        if (requestId is null)
        {
            Assert.Equal(JsonValueKind.Null, error.GetProperty("request_id").ValueKind);
        }
        else
        {
            Assert.Equal(requestId, error.GetProperty("request_id").GetString());
        }

        await SendAsync(socket, """{"type":"command","v":1,"request_id":"after","domain":"system","command":"ping","payload":{}}""");
        Assert.Equal("after", (await ReceiveJsonAsync(socket)).GetProperty("request_id").GetString());
    }

    [Fact]
    public async Task A_retried_request_id_gets_the_stored_reply_without_running_again()
    {
        using var socket = await ConnectAsync(5);
        const string frame = """{"type":"command","v":1,"request_id":"same","domain":"system","command":"ping","payload":{"sent_at":1}}""";
        await SendAsync(socket, frame);
        var first = await ReceiveTextAsync(socket);

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        using var other = await ConnectAsync(5);
        await SendAsync(other, frame);
        var retried = await ReceiveTextAsync(other);

        Assert.Equal(first, retried);

        await SendAsync(socket, frame.Replace("same", "fresh", StringComparison.Ordinal));
        Assert.NotEqual(
            JsonDocument.Parse(first).RootElement.GetProperty("payload").GetProperty("server_time_ms").GetInt64(),
            (await ReceiveJsonAsync(socket)).GetProperty("payload").GetProperty("server_time_ms").GetInt64());
    }

    [Fact]
    public async Task Two_sockets_of_one_account_reusing_a_request_id_for_different_commands_never_get_each_others_replies()
    {
        using var phone = await ConnectAsync(6);
        using var tablet = await ConnectAsync(6);
        await SendAsync(phone, """{"type":"command","v":1,"request_id":"1","domain":"system","command":"ping","payload":{"sent_at":111}}""");
        var phoneReply = await ReceiveJsonAsync(phone);
        Assert.Equal(111, phoneReply.GetProperty("payload").GetProperty("sent_at").GetInt64());

        // Same id, another payload: refused, not answered with the phone's reply.
        await SendAsync(tablet, """{"type":"command","v":1,"request_id":"1","domain":"system","command":"ping","payload":{"sent_at":222}}""");
        var refused = await ReceiveJsonAsync(tablet);
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("1", refused.GetProperty("request_id").GetString());
        Assert.Equal("idempotency_key_reused", refused.GetProperty("code").GetString());
        Assert.False(refused.TryGetProperty("payload", out _));

        // Same id, another command: refused too.
        await SendAsync(tablet, """{"type":"command","v":1,"request_id":"1","domain":"kitchen","command":"state","payload":{}}""");
        Assert.Equal("idempotency_key_reused", (await ReceiveJsonAsync(tablet)).GetProperty("code").GetString());

        // The phone's true retry still gets its own reply.
        await SendAsync(phone, """{"type":"command","v":1,"request_id":"1","domain":"system","command":"ping","payload":{"sent_at":111}}""");
        Assert.Equal(phoneReply.ToString(), (await ReceiveJsonAsync(phone)).ToString());
    }

    [Fact]
    public async Task A_frame_over_64_KiB_closes_with_1009()
    {
        using var socket = await ConnectAsync(6);
        await SendAsync(socket, new string(' ', 64 * 1024) + "{}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(new byte[1024], timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, socket.CloseStatus);
    }

    internal async Task<ClientWebSocket> ConnectAsync(long accountId)
    {
        var socket = await host.ConnectWebSocketAsync("/v1/connect", host.IssueToken(accountId));
        Assert.Equal("hello", (await ReceiveJsonAsync(socket)).GetProperty("type").GetString());
        return socket;
    }

    internal static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    internal static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket socket) =>
        JsonDocument.Parse(await ReceiveTextAsync(socket)).RootElement.Clone();

    internal static async Task<string> ReceiveTextAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var total = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(total), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new Xunit.Sdk.XunitException($"Socket closed: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            total += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, total);
            }
        }
    }
}

public sealed class StrictGatewayHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gateway:HeartbeatSeconds", "1");
        builder.UseSetting("Gateway:MaxCommandsPerMinute", "5");
    }
}

public sealed class GatewayLimitsTests(StrictGatewayHost host) : IClassFixture<StrictGatewayHost>
{
    [Fact]
    public async Task A_silent_connection_is_closed_after_twice_the_heartbeat()
    {
        using var socket = await host.ConnectWebSocketAsync("/v1/connect", host.IssueToken(10));
        var hello = await RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.Equal(1, hello.GetProperty("heartbeat_sec").GetInt32());

        var started = DateTime.UtcNow;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(new byte[1024], timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(4000, (int)socket.CloseStatus!);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Commands_over_the_rate_are_refused_with_retry_after_and_abuse_closes_the_socket()
    {
        using var socket = await host.ConnectWebSocketAsync("/v1/connect", host.IssueToken(11));
        await RealtimeGatewayTests.ReceiveJsonAsync(socket);
        for (var i = 0; i < 5; i++)
        {
            await RealtimeGatewayTests.SendAsync(socket, $$"""{"type":"command","v":1,"request_id":"ok{{i}}","domain":"system","command":"ping","payload":null}""");
            Assert.Equal("reply", (await RealtimeGatewayTests.ReceiveJsonAsync(socket)).GetProperty("type").GetString());
        }

        await RealtimeGatewayTests.SendAsync(socket, """{"type":"command","v":1,"request_id":"over","domain":"system","command":"ping","payload":{}}""");
        var limited = await RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.Equal("rate_limited", limited.GetProperty("code").GetString());
        Assert.Equal("over", limited.GetProperty("request_id").GetString());
        Assert.InRange(limited.GetProperty("retry_after_ms").GetInt64(), 1, 60_000);

        var closed = false;
        for (var i = 0; i < 20 && !closed; i++)
        {
            await RealtimeGatewayTests.SendAsync(socket, $$"""{"type":"command","v":1,"request_id":"spam{{i}}","domain":"system","command":"ping","payload":null}""");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var result = await socket.ReceiveAsync(new byte[4096], timeout.Token);
            closed = result.MessageType == WebSocketMessageType.Close;
        }

        Assert.True(closed);
        Assert.Equal(4029, (int)socket.CloseStatus!);
    }

    [Fact]
    public async Task Malformed_frames_count_against_the_rate_too()
    {
        using var socket = await host.ConnectWebSocketAsync("/v1/connect", host.IssueToken(12));
        await RealtimeGatewayTests.ReceiveJsonAsync(socket);
        for (var i = 0; i < 5; i++)
        {
            await RealtimeGatewayTests.SendAsync(socket, "not json at all");
            Assert.Equal("invalid_json", (await RealtimeGatewayTests.ReceiveJsonAsync(socket)).GetProperty("code").GetString());
        }

        await RealtimeGatewayTests.SendAsync(socket, "{ still not json");
        var limited = await RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.Equal("rate_limited", limited.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, limited.GetProperty("request_id").ValueKind);

        await RealtimeGatewayTests.SendAsync(socket, """{"type":"command","v":1,"request_id":"late","domain":"system","command":"ping","payload":null}""");
        var alsoLimited = await RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.Equal("rate_limited", alsoLimited.GetProperty("code").GetString());
        Assert.Equal("late", alsoLimited.GetProperty("request_id").GetString());
    }
}

public sealed class ShortSendTimeoutGatewayHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gateway:SendTimeoutSeconds", "1");
        builder.UseSetting("Gateway:MaxCommandsPerMinute", "100000000");
    }
}

public sealed class SlowConsumerTests(ShortSendTimeoutGatewayHost host) : IClassFixture<ShortSendTimeoutGatewayHost>
{
    [Fact]
    public async Task A_client_that_never_reads_is_disconnected_instead_of_buffered_without_bound()
    {
        using var reader = await host.ConnectWebSocketAsync("/v1/connect", host.IssueToken(21));
        using var neighbour = await host.ConnectWebSocketAsync("/v1/connect", host.IssueToken(22));
        await RealtimeGatewayTests.ReceiveJsonAsync(neighbour);

        // Keep sending commands and never read a reply: once the socket buffers fill, the server's
        // sends stall, and past the send timeout it must drop the client rather than wait or grow.
        var dropped = false;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 2_000_000 && !dropped; i++)
        {
            try
            {
                var unique = System.Text.Encoding.UTF8.GetBytes($$"""{"type":"command","v":1,"request_id":"r{{i}}","domain":"system","command":"ping","payload":null}""");
                await reader.SendAsync(unique, WebSocketMessageType.Text, true, deadline.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
            {
                dropped = !deadline.IsCancellationRequested;
                break;
            }
        }

        Assert.True(dropped, "the server kept a connection whose client never read");

        await RealtimeGatewayTests.SendAsync(neighbour, """{"type":"command","v":1,"request_id":"n1","domain":"system","command":"ping","payload":null}""");
        Assert.Equal("reply", (await RealtimeGatewayTests.ReceiveJsonAsync(neighbour)).GetProperty("type").GetString());
    }
}
