using System.Buffers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Load;
using CleanGames.Bench.Reporting;

namespace CleanGames.Bench.Scenarios;

/// <summary>
/// <c>cook</c> over the Kitchen socket <c>/ws</c> (seed 001): one player per connection, each
/// sending <c>cook</c> as soon as its last one is answered with the full session. The baseline is
/// bare Kestrel echoing a JSON frame as large as a cook response, so both servers move the same
/// bytes per round trip and the ratio measures what the game adds: frame parsing, the command
/// router, a DI scope and MediatR, the live session under its lock, the rules and the full-state
/// reply.
/// </summary>
internal sealed class KitchenCookScenario : IScenario
{
    private const string KitchenPath = "/ws";

    // A fresh player's cook response is about this size; PrepareAsync checks it and fails the run if
    // the echo frame has drifted from the response size by more than a quarter.
    private const int EchoFrameBytes = 900;

    private const int ReceiveBufferBytes = 64 * 1024;
    private const int Players = 64;

    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(30);

    // Registered once (the first CleanGames round) and reused by every round: one account per connection.
    private string[]? _tokens;

    public string Name => "kitchen-cook";

    public string Description => "cook over the Kitchen socket /ws (one player per connection) versus bare Kestrel echoing a JSON frame as large as a cook response";

    public BaselineKind Baseline => BaselineKind.KestrelWebSocketEcho;

    public double GoalRatio => 0.65;

    public double? GoalP99Factor => null;

    public double? GoalP99Ms => 10;

    public IReadOnlyDictionary<string, string> RaisedLimits { get; } = new Dictionary<string, string>
    {
        // The default (20 cooks a second per account) would make every client wait on the limiter:
        // the run would measure refusals, not the game.
        ["Kitchen:MaxCooksPerSecond"] = "100000",
        // Setup registers 64 players through the per-address authentication limiter.
        ["RateLimiting:AuthenticationPermitsPerMinute"] = "1000000",
    };

    public async Task PrepareAsync(ScenarioContext context, CancellationToken ct)
    {
        if (context.Target == ServerTarget.CleanGames && _tokens is null)
        {
            _tokens = await RegisterPlayersAsync(context.Http, ct);
        }

        Client probe;
        try
        {
            probe = await Client.ConnectAsync(context, context.Target == ServerTarget.CleanGames ? _tokens![0] : null, clientIndex: -1, ct);
        }
        catch (Exception e) when (e is WebSocketException or InvalidDataException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new BenchException($"{context.Target} refused a WebSocket on {PathFor(context.Target)}: {e.Message}");
        }

        await using (probe)
        {
            if (!await probe.ExecuteAsync(ct))
            {
                throw new BenchException($"{context.Target} {PathFor(context.Target)} answered the cook with {probe.LastFrame}");
            }

            if (context.Target == ServerTarget.CleanGames && Math.Abs(probe.LastFrameLength - EchoFrameBytes) > EchoFrameBytes / 4)
            {
                throw new BenchException($"A cook response is {probe.LastFrameLength} bytes but the echo frame is {EchoFrameBytes}: update EchoFrameBytes.");
            }

            Progress.Write($"{context.Target} {PathFor(context.Target)}: a round trip answers {probe.LastFrameLength} bytes");
        }
    }

    public async Task<IScenarioClient> ConnectAsync(ScenarioContext context, int clientIndex, CancellationToken ct) =>
        await Client.ConnectAsync(context, context.Target == ServerTarget.CleanGames ? _tokens![clientIndex % Players] : null, clientIndex, ct);

    private static string PathFor(ServerTarget target) => target == ServerTarget.CleanGames ? KitchenPath : BaselineServer.EchoPath;

    private static async Task<string[]> RegisterPlayersAsync(HttpClient http, CancellationToken ct)
    {
        var tokens = new string[Players];
        using var parallel = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, Players).Select(async i =>
        {
            await parallel.WaitAsync(ct);
            try
            {
                var email = $"bench_{RandomNumberGenerator.GetHexString(16, lowercase: true)}@example.com";
                using var response = await http.PostAsJsonAsync("/reg", new { email, password = RandomNumberGenerator.GetHexString(24) }, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                using var json = JsonDocument.Parse(text);
                if (!response.IsSuccessStatusCode || !json.RootElement.TryGetProperty("tokens", out var issued))
                {
                    throw new BenchException($"POST /reg answered {(int)response.StatusCode}: {text}");
                }

                tokens[i] = issued.GetProperty("access_token").GetString()!;
            }
            finally
            {
                parallel.Release();
            }
        }));
        Progress.Write($"CleanGames: registered {Players} players");
        return tokens;
    }

    /// <summary>One player's socket: <c>session</c> once when it connects, then one <c>cook</c> per operation (or the padded frame, on the echo).</summary>
    private sealed class Client : IScenarioClient
    {
        private static long _socketsOpened;
        private readonly BenchWebSocket _socket;
        private readonly bool _isKitchen;
        private readonly RequestIdSequence _requestIds;
        private readonly ArrayBufferWriter<byte> _frame = new(EchoFrameBytes + 256);
        private readonly Utf8JsonWriter _writer;

        private Client(BenchWebSocket socket, bool isKitchen, byte[] prefix)
        {
            _socket = socket;
            _isKitchen = isKitchen;
            _requestIds = new RequestIdSequence(prefix);
            _writer = new Utf8JsonWriter(_frame);
        }

        public string LastFrame => _socket.FrameText;

        public int LastFrameLength => _socket.FrameLength;

        public static async Task<Client> ConnectAsync(ScenarioContext context, string? token, int clientIndex, CancellationToken ct)
        {
            var socket = await BenchWebSocket.ConnectAsync(context.WebSocketAddress(PathFor(context.Target)), token, OperationTimeout, ReceiveBufferBytes, ct);
            var prefix = Encoding.UTF8.GetBytes($"bench-{clientIndex}-{Interlocked.Increment(ref _socketsOpened)}-");
            var client = new Client(socket, token is not null, prefix);
            try
            {
                if (client._isKitchen)
                {
                    // The seed's first request, outside the timed region.
                    await socket.RoundTripAsync(Encoding.UTF8.GetBytes("""{"message_type":"request","request_id":"open","request_type":"session","data":{}}"""));
                    if (HasError(socket.Frame))
                    {
                        throw new InvalidDataException($"session was refused: {socket.FrameText}");
                    }
                }

                return client;
            }
            catch
            {
                await client.DisposeAsync();
                throw;
            }
        }

        public async ValueTask<bool> ExecuteAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            WriteRequest();
            await _socket.RoundTripAsync(_frame.WrittenMemory);
            return IsAnswer(_socket.Frame, _requestIds.Current);
        }

        public async ValueTask DisposeAsync()
        {
            await _socket.DisposeAsync();
            await _writer.DisposeAsync();
        }

        private void WriteRequest()
        {
            var requestId = _requestIds.Next();
            _frame.ResetWrittenCount();
            _writer.Reset();
            _writer.WriteStartObject();
            _writer.WriteString("message_type"u8, "request"u8);
            _writer.WriteString("request_id"u8, requestId);
            _writer.WriteString("request_type"u8, "cook"u8);
            _writer.WriteStartObject("data"u8);
            if (!_isKitchen)
            {
                // The echo sends back what it gets: padded so its answer is as large as a cook response.
                _writer.Flush();
                var padding = Math.Max(0, EchoFrameBytes - (int)_frame.WrittenCount - 16);
                _writer.WriteString("pad"u8, new string('x', padding));
            }

            _writer.WriteEndObject();
            _writer.WriteEndObject();
            _writer.Flush();
        }

        /// <summary>The game must answer with a response to this request that is not an error; the echo with the request itself.</summary>
        private bool IsAnswer(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> requestId)
        {
            var (expectedType, _) = BenchWebSocket.ReadAnswer(frame, "message_type"u8, _isKitchen ? "response"u8 : "request"u8, requestId);
            return expectedType && (!_isKitchen || !HasError(frame));
        }

        private static bool HasError(ReadOnlySpan<byte> frame) => frame.IndexOf("\"error\":"u8) >= 0;
    }
}
