using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace CleanGames.WebApi.Common.Realtime;

public enum WebSocketReadStatus
{
    Message,
    Closed,
    TooBig,
    NotText,
}

public readonly record struct WebSocketRead(WebSocketReadStatus Status, string? Text);

/// <summary>Reading and writing whole text messages with a size limit, shared by every raw-socket protocol.</summary>
public static class WebSocketFrames
{
    /// <summary>The largest inbound message any of our socket protocols accepts (close 1009 above it).</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024;

    /// <summary>
    /// Reads one whole message into <paramref name="message"/> (cleared first) without allocating:
    /// callers keep one writer per connection and parse the UTF-8 directly.
    /// </summary>
    public static async Task<WebSocketReadStatus> ReadAsync(WebSocket socket, ArrayBufferWriter<byte> message, int maxBytes, CancellationToken cancellationToken)
    {
        message.ResetWrittenCount();
        while (true)
        {
            var free = message.GetMemory(4096);
            var result = await socket.ReceiveAsync(free, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return WebSocketReadStatus.Closed;
            }

            message.Advance(result.Count);
            if (message.WrittenCount > maxBytes)
            {
                return WebSocketReadStatus.TooBig;
            }

            if (result.EndOfMessage)
            {
                return result.MessageType == WebSocketMessageType.Text ? WebSocketReadStatus.Message : WebSocketReadStatus.NotText;
            }
        }
    }

    public static async Task<WebSocketRead> ReadTextAsync(WebSocket socket, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes, 16 * 1024) + 1);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new WebSocketRead(WebSocketReadStatus.Closed, null);
                }

                if (message.WrittenCount + result.Count > maxBytes)
                {
                    return new WebSocketRead(WebSocketReadStatus.TooBig, null);
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType != WebSocketMessageType.Text)
                {
                    return new WebSocketRead(WebSocketReadStatus.NotText, null);
                }

                return new WebSocketRead(WebSocketReadStatus.Message, Encoding.UTF8.GetString(message.WrittenSpan));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static async Task SendTextAsync(WebSocketConnectionTracker.Connection connection, ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        await connection.SendLock.WaitAsync(cancellationToken);
        try
        {
            if (connection.Socket.State == WebSocketState.Open)
            {
                await connection.Socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    /// <summary>Sends a close frame without waiting for the peer's; the receive loop sees its answer.</summary>
    public static async Task CloseOutputAsync(WebSocketConnectionTracker.Connection connection, WebSocketCloseStatus status, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await connection.SendLock.WaitAsync(timeout.Token);
            try
            {
                if (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await connection.Socket.CloseOutputAsync(status, reason, timeout.Token);
                }
            }
            finally
            {
                connection.SendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            connection.Socket.Abort();
        }
    }

    /// <summary>Closes with a code and reason if the socket still can; never throws at a vanished peer.</summary>
    public static async Task CloseAsync(WebSocketConnectionTracker.Connection connection, WebSocketCloseStatus status, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await connection.SendLock.WaitAsync(timeout.Token);
            try
            {
                if (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await connection.Socket.CloseAsync(status, reason, timeout.Token);
                }
            }
            finally
            {
                connection.SendLock.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            connection.Socket.Abort();
        }
    }
}
