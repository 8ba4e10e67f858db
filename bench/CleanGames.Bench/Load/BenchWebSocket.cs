using System.Net.WebSockets;
using System.Text;

namespace CleanGames.Bench.Load;

/// <summary>
/// The client side of one benchmark socket: connect, send a frame, receive the next whole frame
/// into a reusable buffer. Shared by the WebSocket scenarios so that both servers of a run, and
/// every scenario, are driven by the same client code.
/// </summary>
internal sealed class BenchWebSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    // One token source per socket whose timer is pushed back before each operation, rather than a linked
    // source per operation: the client shares two cores with the server, so its own cost is kept small.
    private readonly CancellationTokenSource _deadline;
    private readonly TimeSpan _operationTimeout;
    private readonly byte[] _received;

    private BenchWebSocket(TimeSpan operationTimeout, int receiveBufferBytes, CancellationToken ct)
    {
        _operationTimeout = operationTimeout;
        _received = new byte[receiveBufferBytes];
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
    }

    /// <summary>The last frame received.</summary>
    public ReadOnlySpan<byte> Frame => _received.AsSpan(0, FrameLength);

    public int FrameLength { get; private set; }

    public string FrameText => Encoding.UTF8.GetString(Frame);

    public static async Task<BenchWebSocket> ConnectAsync(Uri address, string? bearerToken, TimeSpan operationTimeout, int receiveBufferBytes, CancellationToken ct)
    {
        var socket = new BenchWebSocket(operationTimeout, receiveBufferBytes, ct);
        try
        {
            if (bearerToken is not null)
            {
                socket._socket.Options.SetRequestHeader("Authorization", $"Bearer {bearerToken}");
            }

            socket._deadline.CancelAfter(operationTimeout);
            await socket._socket.ConnectAsync(address, socket._deadline.Token);
            return socket;
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends <paramref name="frame"/> and waits for the next whole frame (see <see cref="Frame"/>).</summary>
    public async ValueTask RoundTripAsync(ReadOnlyMemory<byte> frame)
    {
        _deadline.CancelAfter(_operationTimeout);
        await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, _deadline.Token);
        await ReceiveAsync();
    }

    /// <summary>Waits for the next whole frame (see <see cref="Frame"/>).</summary>
    public async ValueTask ReceiveAsync()
    {
        _deadline.CancelAfter(_operationTimeout);
        var count = 0;
        while (true)
        {
            if (count == _received.Length)
            {
                throw new InvalidDataException($"A frame larger than {_received.Length} bytes arrived.");
            }

            var result = await _socket.ReceiveAsync(_received.AsMemory(count), _deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"The server closed the socket: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                FrameLength = count;
                return;
            }
        }
    }

    /// <summary>
    /// Reads the top-level fields every scenario checks in an answer: whether
    /// <paramref name="typeName"/> is the string <paramref name="expectedType"/>, whether
    /// <c>request_id</c> is <paramref name="requestId"/>, and whether <paramref name="flagName"/>
    /// (when given) is <c>true</c>. Another request id means the socket is out of step (a stray or
    /// lost frame), so that throws and the driver replaces the socket.
    /// </summary>
    public static (bool ExpectedType, bool Flag) ReadAnswer(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> typeName, ReadOnlySpan<byte> expectedType, ReadOnlySpan<byte> requestId, ReadOnlySpan<byte> flagName = default)
    {
        var reader = new System.Text.Json.Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"Expected a JSON object, got {Encoding.UTF8.GetString(frame)}");
        }

        var (sameRequest, typeMatches, flag) = (false, false, false);
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(typeName))
            {
                reader.Read();
                typeMatches = reader.TokenType == System.Text.Json.JsonTokenType.String && reader.ValueTextEquals(expectedType);
            }
            else if (reader.ValueTextEquals("request_id"u8))
            {
                reader.Read();
                sameRequest = reader.TokenType == System.Text.Json.JsonTokenType.String && reader.ValueTextEquals(requestId);
            }
            else if (!flagName.IsEmpty && reader.ValueTextEquals(flagName))
            {
                reader.Read();
                flag = reader.TokenType == System.Text.Json.JsonTokenType.True;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!sameRequest)
        {
            throw new InvalidDataException($"Sent request id {Encoding.UTF8.GetString(requestId)}, got {Encoding.UTF8.GetString(frame)}");
        }

        return (typeMatches, flag);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A close frame, not an abort, so neither server logs a vanished peer; not awaited for the
            // peer's answer, since the driver reconnects or stops right after.
            if (_socket.State == WebSocketState.Open && !_deadline.IsCancellationRequested)
            {
                _deadline.CancelAfter(TimeSpan.FromSeconds(1));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _deadline.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _socket.Dispose();
            _deadline.Dispose();
        }
    }
}
