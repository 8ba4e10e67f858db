using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CleanGames.IntegrationTests.Gateway;

namespace CleanGames.IntegrationTests.Support;

/// <summary>
/// A SignalR client at the level of its frames: the JSON hub protocol spoken over a raw WebSocket,
/// so that a test reads the text the server sent (the typed <c>HubConnection</c> only hands over
/// parsed values, in which two escapings of one string look the same).
/// </summary>
internal sealed class RawHubClient : IDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly Queue<string> _pending = new();
    private readonly List<string> _unclaimed = [];
    private int _nextInvocation;

    private RawHubClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Connects to the hub at <paramref name="path"/> (no negotiation, as the typed client in these tests) and completes the handshake.</summary>
    public static async Task<RawHubClient> ConnectAsync(CleanGamesHost host, string path, string token)
    {
        var client = new RawHubClient(await host.ConnectWebSocketAsync($"{path}?access_token={Uri.EscapeDataString(token)}"));
        await client.SendAsync("""{"protocol":"json","version":1}""");
        var handshake = JsonDocument.Parse(await client.NextRecordAsync()).RootElement;
        Assert.False(handshake.TryGetProperty("error", out var error), error.ToString());
        return client;
    }

    /// <summary>Invokes <paramref name="target"/> and returns the raw completion message.</summary>
    public async Task<string> InvokeAsync(string target, params object?[] arguments)
    {
        var id = (++_nextInvocation).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        return await NextAsync(m => m.GetProperty("type").GetInt32() == 3 && m.GetProperty("invocationId").GetString() == id);
    }

    /// <summary>The raw text of the next invocation of <paramref name="target"/> the server sends this client.</summary>
    public Task<string> NextEventAsync(string target) =>
        NextAsync(m => m.GetProperty("type").GetInt32() == 1 && m.TryGetProperty("target", out var name) && name.GetString() == target);

    public void Dispose() => _socket.Dispose();

    // Records that did not match are kept for a later call: an event may arrive before the
    // completion of the invocation that caused it.
    private async Task<string> NextAsync(Func<JsonElement, bool> match)
    {
        var seen = _unclaimed.FindIndex(r => match(JsonDocument.Parse(r).RootElement));
        if (seen >= 0)
        {
            var claimed = _unclaimed[seen];
            _unclaimed.RemoveAt(seen);
            return claimed;
        }

        while (true)
        {
            var record = await NextRecordAsync();
            if (match(JsonDocument.Parse(record).RootElement))
            {
                return record;
            }

            _unclaimed.Add(record);
        }
    }

    private async Task<string> NextRecordAsync()
    {
        while (_pending.Count == 0)
        {
            // One WebSocket message may carry several records, each ended by the separator.
            var text = await RealtimeGatewayTests.ReceiveTextAsync(_socket);
            foreach (var record in text.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                _pending.Enqueue(record);
            }
        }

        return _pending.Dequeue();
    }

    private Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);
}
