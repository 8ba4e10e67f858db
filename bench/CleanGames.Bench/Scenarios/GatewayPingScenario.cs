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
/// <c>system.ping</c> over the realtime gateway <c>/v1/connect</c>: what the gateway adds to a
/// WebSocket round trip (frame parsing, the command rate window, the idempotency cache, the
/// command router, a DI scope and MediatR, the send queue) over bare Kestrel echoing the same frame
/// on <c>/echo</c>. Both servers get the same client: one socket per client, one command frame
/// out, one frame back.
/// </summary>
internal sealed class GatewayPingScenario : IScenario
{
    private const string GatewayPath = "/v1/connect";

    // Longer than any honest round trip on a loaded two-core box, short enough that a stuck server ends the run.
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(30);

    // Every request id in a server's life must differ: the gateway replays the stored reply of a repeated
    // id for two minutes, which would turn the benchmark into a cache benchmark. Counted across
    // reconnects, which restart a client's own sequence.
    private static long _socketsOpened;

    // Set by PrepareAsync for the server about to be measured; the runs are sequential, so one field suffices.
    private string? _token;

    public string Name => "gateway-ping";

    public string Description => "system.ping over /v1/connect versus bare Kestrel echoing the same frame on /echo";

    public BaselineKind Baseline => BaselineKind.KestrelWebSocketEcho;

    public double GoalRatio => 0.85;

    public double? GoalP99Factor => 2.0;

    public IReadOnlyDictionary<string, string> RaisedLimits { get; } = new Dictionary<string, string>
    {
        // The production default (120 a minute per connection) would cap every client at two pings a second:
        // the run would measure the limiter's refusals, not the gateway.
        ["Gateway:MaxCommandsPerMinute"] = "1000000000",
        // The setup's register and login go through the per-address authentication limiter; raised so that
        // setup can never be refused, whatever the default becomes.
        ["RateLimiting:AuthenticationPermitsPerMinute"] = "1000000",
    };

    public async Task PrepareAsync(ScenarioContext context, CancellationToken ct)
    {
        _token = context.Target == ServerTarget.CleanGames ? await SignInAsync(context.Http, ct) : null;

        // One round trip before the load, so a refused token or an unexpected frame fails the run with
        // its cause instead of surfacing as every client's errors.
        Client probe;
        try
        {
            probe = await OpenAsync(context, clientIndex: -1, ct);
        }
        catch (Exception e) when (e is WebSocketException or InvalidDataException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new BenchException($"{context.Target} refused a WebSocket on {PathFor(context.Target)}: {e.Message}");
        }

        await using (probe)
        {
            bool answered;
            try
            {
                answered = await probe.ExecuteAsync(ct);
            }
            catch (Exception e) when (e is WebSocketException or InvalidDataException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                throw new BenchException($"{context.Target} {PathFor(context.Target)}: the first round trip failed: {e.Message}");
            }

            if (!answered)
            {
                throw new BenchException($"{context.Target} {PathFor(context.Target)} answered the command with {probe.LastFrame}");
            }

            // Logged so a reader can see at a glance what each server sends back for the same command.
            Progress.Write($"{context.Target} {PathFor(context.Target)}: {probe.Hello ?? "(no hello)"} then {probe.LastFrame}");
        }
    }

    public async Task<IScenarioClient> ConnectAsync(ScenarioContext context, int clientIndex, CancellationToken ct) =>
        await OpenAsync(context, clientIndex, ct);

    private static string PathFor(ServerTarget target) => target == ServerTarget.CleanGames ? GatewayPath : BaselineServer.EchoPath;

    private Task<Client> OpenAsync(ScenarioContext context, int clientIndex, CancellationToken ct)
    {
        var isGateway = context.Target == ServerTarget.CleanGames;
        if (isGateway && _token is null)
        {
            throw new InvalidOperationException("PrepareAsync must sign in before clients connect to the gateway.");
        }

        var prefix = Encoding.UTF8.GetBytes($"bench-{clientIndex}-{Interlocked.Increment(ref _socketsOpened)}-");
        return Client.ConnectAsync(context.WebSocketAddress(PathFor(context.Target)), isGateway ? _token : null, prefix, ct);
    }

    /// <summary>One account for every connection: the gateway keys nothing per account that a ping touches except the reply cache, whose keys differ by request id.</summary>
    private static async Task<string> SignInAsync(HttpClient http, CancellationToken ct)
    {
        var username = "bench_" + RandomNumberGenerator.GetHexString(16, lowercase: true);
        var password = RandomNumberGenerator.GetHexString(24);
        await PostAsync(http, "/auth/register", new RegisterRequest($"{username}@example.com", username, password), ct);
        using var login = await PostAsync(http, "/auth/login", new LoginRequest(username, password), ct);
        var root = login.RootElement;
        if (root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True
            && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String
            && token.GetString() is { Length: > 0 } value)
        {
            Progress.Write($"CleanGames: signed in as {username} for the gateway");
            return value;
        }

        throw new BenchException($"POST /auth/login answered without data.token: {root.GetRawText()}");
    }

    private static async Task<JsonDocument> PostAsync<T>(HttpClient http, string path, T body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new BenchException($"POST {path} answered {(int)response.StatusCode} with something other than JSON ({e.Message}): {text}");
        }
    }

    private sealed record RegisterRequest(string Email, string Username, string Password);

    private sealed record LoginRequest(string Username, string Password);

    /// <summary>
    /// One socket, used for every operation of one client. The same code talks to both servers; only
    /// what counts as the answer differs: the gateway's reply, or the echo of the frame itself.
    /// </summary>
    private sealed class Client : IScenarioClient
    {
        // The gateway's largest frame is 64 KiB; a ping reply is under 200 bytes, so this never fills.
        private const int ReceiveBufferBytes = 16 * 1024;

        private readonly BenchWebSocket _socket;
        private readonly bool _isGateway;
        private readonly RequestIdSequence _requestIds;
        private readonly ArrayBufferWriter<byte> _frame = new(256);
        private readonly Utf8JsonWriter _writer;

        private Client(BenchWebSocket socket, bool isGateway, byte[] prefix)
        {
            _socket = socket;
            _isGateway = isGateway;
            _requestIds = new RequestIdSequence(prefix);
            _writer = new Utf8JsonWriter(_frame);
        }

        /// <summary>The gateway's hello frame, for the log.</summary>
        public string? Hello { get; private set; }

        public string LastFrame => _socket.FrameText;

        /// <summary>Connects and, on the gateway, reads and checks the hello frame, all before any timing starts.</summary>
        public static async Task<Client> ConnectAsync(Uri address, string? token, byte[] prefix, CancellationToken ct)
        {
            var socket = await BenchWebSocket.ConnectAsync(address, token, OperationTimeout, ReceiveBufferBytes, ct);
            var client = new Client(socket, isGateway: token is not null, prefix);
            try
            {
                if (client._isGateway)
                {
                    await socket.ReceiveAsync();
                    client.Hello = client.LastFrame;
                    CheckHello(socket.Frame);
                }

                return client;
            }
            catch
            {
                await client.DisposeAsync();
                throw;
            }
        }

        /// <remarks>
        /// The socket was linked to the run's token when it connected; the driver passes that same token
        /// here, so it is only checked, not linked again.
        /// </remarks>
        public async ValueTask<bool> ExecuteAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            WriteCommand();
            await _socket.RoundTripAsync(_frame.WrittenMemory);
            return IsAnswer(_socket.Frame, _requestIds.Current);
        }

        public async ValueTask DisposeAsync()
        {
            await _socket.DisposeAsync();
            await _writer.DisposeAsync();
        }

        private static void CheckHello(ReadOnlySpan<byte> frame)
        {
            using var hello = JsonDocument.Parse(frame.ToArray());
            var root = hello.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "hello"
                || !root.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1
                || !root.TryGetProperty("connection_id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
            {
                throw new InvalidDataException($"Expected a hello frame first, got {Encoding.UTF8.GetString(frame)}");
            }
        }

        /// <summary>Writes the command frame, with the next request id, into <see cref="_frame"/>.</summary>
        private void WriteCommand()
        {
            var requestId = _requestIds.Next();
            _frame.ResetWrittenCount();
            _writer.Reset();
            _writer.WriteStartObject();
            _writer.WriteString("type"u8, "command"u8);
            _writer.WriteNumber("v"u8, 1);
            _writer.WriteString("request_id"u8, requestId);
            _writer.WriteString("domain"u8, "system"u8);
            _writer.WriteString("command"u8, "ping"u8);
            _writer.WriteStartObject("payload"u8);
            _writer.WriteNumber("sent_at"u8, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            _writer.WriteEndObject();
            _writer.WriteEndObject();
            _writer.Flush();
        }

        /// <summary>
        /// The gateway must answer with a successful reply, the echo with the command itself; both must carry
        /// the request id just sent. Another id means the socket is out of step (a stray or lost frame), so
        /// that throws and the driver replaces the socket instead of letting every later answer mismatch.
        /// </summary>
        private bool IsAnswer(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> requestId)
        {
            var (expectedType, ok) = BenchWebSocket.ReadAnswer(frame, "type"u8, _isGateway ? "reply"u8 : "command"u8, requestId, "ok"u8);
            return expectedType && (ok || !_isGateway);
        }
    }
}
