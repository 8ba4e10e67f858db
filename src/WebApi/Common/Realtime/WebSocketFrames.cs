using System.Buffers;
using System.Net.WebSockets;

namespace CleanGames.WebApi.Common.Realtime;

public enum WebSocketReadStatus
{
    Message,
    Closed,
    TooBig,
    NotText,
}

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

    /// <summary>
    /// Reads messages until the peer closes (answered with a normal close) or sends one over
    /// <see cref="DefaultMaxMessageBytes"/> (closed with 1009): each text message goes to
    /// <paramref name="onMessage"/>, each binary one to <paramref name="onNotText"/>. After a close
    /// frame is sent it keeps reading until the peer's close arrives.
    /// </summary>
    public static async Task ReadMessagesAsync(WebSocketConnectionTracker.Connection connection, ArrayBufferWriter<byte> inbound,
        Func<ReadOnlyMemory<byte>, Task> onMessage, Func<Task> onNotText, CancellationToken cancellationToken)
    {
        while (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            switch (await ReadAsync(connection.Socket, inbound, DefaultMaxMessageBytes, cancellationToken))
            {
                case WebSocketReadStatus.Closed:
                    await CloseAsync(connection, WebSocketCloseStatus.NormalClosure, "Bye");
                    return;
                case WebSocketReadStatus.TooBig:
                    await CloseAsync(connection, WebSocketCloseStatus.MessageTooBig, "Frame larger than 64 KiB");
                    return;
                case WebSocketReadStatus.NotText:
                    await onNotText();
                    break;
                default:
                    await onMessage(inbound.WrittenMemory);
                    break;
            }
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
    public static Task CloseOutputAsync(WebSocketConnectionTracker.Connection connection, WebSocketCloseStatus status, string reason) =>
        CloseCoreAsync(connection, status, reason, waitForPeer: false);

    /// <summary>Closes with a code and reason and waits for the peer's close; never throws at a vanished peer.</summary>
    public static Task CloseAsync(WebSocketConnectionTracker.Connection connection, WebSocketCloseStatus status, string reason) =>
        CloseCoreAsync(connection, status, reason, waitForPeer: true);

    private static async Task CloseCoreAsync(WebSocketConnectionTracker.Connection connection, WebSocketCloseStatus status, string reason, bool waitForPeer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await connection.SendLock.WaitAsync(timeout.Token);
            try
            {
                if (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await (waitForPeer
                        ? connection.Socket.CloseAsync(status, reason, timeout.Token)
                        : connection.Socket.CloseOutputAsync(status, reason, timeout.Token));
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
