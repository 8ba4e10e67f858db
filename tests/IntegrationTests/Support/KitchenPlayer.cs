using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CleanGames.Domain.Kitchen.Sessions;
using CleanGames.Infrastructure.Kitchen;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Support;

/// <summary>A Click &amp; Cook player: an account made through <c>POST /reg</c> and the seed's <c>/ws</c> protocol.</summary>
public sealed class KitchenPlayer : IAsyncDisposable
{
    private int _requestId;

    private KitchenPlayer(CleanGamesHost host, long accountId, string email, string token)
    {
        Host = host;
        AccountId = accountId;
        Email = email;
        Token = token;
    }

    public CleanGamesHost Host { get; }

    public long AccountId { get; }

    public string Email { get; }

    public string Token { get; }

    public ClientWebSocket? Socket { get; private set; }

    public static async Task<KitchenPlayer> RegisterAsync(CleanGamesHost host)
    {
        using var client = host.CreateClient();
        var email = Accounts.UniqueName("cook") + "@example.com";
        var response = await client.PostAsync("/reg", Json.Body(new { email, password = "strongpassword" }));
        var json = await response.ReadJsonAsync();
        Assert.Equal(0, json.GetProperty("status").GetInt32());
        var token = json.GetProperty("tokens").GetProperty("access_token").GetString()!;
        return new KitchenPlayer(host, SubjectOf(token), email, token);
    }

    /// <summary>Stores a session for this account as <paramref name="shape"/> describes, before any socket loads it.</summary>
    public async Task SeedSessionAsync(Func<KitchenSessionSnapshot, KitchenSessionSnapshot> shape)
    {
        var now = Host.Clock.GetUtcNow();
        var blank = KitchenSession.Open(AccountId, now).Snapshot();
        await Host.Services.GetRequiredService<KitchenSessionPersistence>().SaveAsync([shape(blank)], CancellationToken.None);
    }

    /// <summary>Opens <c>/ws</c> (without a token on the upgrade) and sends <c>session</c> with <c>data.token</c>.</summary>
    public async Task<JsonElement> ConnectAsync()
    {
        Socket = await Host.ConnectWebSocketAsync("/ws");
        return await RequestAsync("session", new { token = Token });
    }

    public async Task<JsonElement> RequestAsync(string requestType, object? data = null)
    {
        var id = "r" + Interlocked.Increment(ref _requestId);
        var frame = JsonSerializer.Serialize(new { message_type = "request", request_id = id, request_type = requestType, data = data ?? new { } });
        await SendTextAsync(Socket!, frame);
        var response = await ReceiveResponseAsync(Socket!);
        Assert.Equal("response", response.GetProperty("message_type").GetString());
        Assert.Equal(id, response.GetProperty("request_id").GetString());
        Assert.Equal(requestType, response.GetProperty("request_type").GetString());
        return response.GetProperty("data");
    }

    /// <summary>Sends <paramref name="count"/> cooks, moving the clock a second after each 20 so the rate limit never binds.</summary>
    public async Task<JsonElement> CookAsync(int count)
    {
        JsonElement last = default;
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i % 20 == 0)
            {
                Host.Clock.Advance(TimeSpan.FromSeconds(1));
            }

            last = await RequestAsync("cook");
            Assert.False(last.TryGetProperty("error", out var error), error.ToString());
        }

        Host.Clock.Advance(TimeSpan.FromSeconds(1));
        return last;
    }

    public static Task SendTextAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame that is a response (broadcasts of other connections' changes are skipped).</summary>
    public static async Task<JsonElement> ReceiveResponseAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync(socket);
            if (frame.GetProperty("message_type").GetString() == "response")
            {
                return frame;
            }
        }
    }

    public static async Task<JsonElement> ReceiveFrameAsync(ClientWebSocket socket, TimeSpan? timeout = null) =>
        JsonDocument.Parse(await Gateway.RealtimeGatewayTests.ReceiveTextAsync(socket)).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        if (Socket is { State: WebSocketState.Open })
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }

        Socket?.Dispose();
    }

    public static long SubjectOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return long.Parse(json.RootElement.GetProperty("sub").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
