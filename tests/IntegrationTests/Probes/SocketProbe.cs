using System.Net.WebSockets;
using CleanGames.WebApi.Common.Realtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.IntegrationTests.Probes;

/// <summary>A raw WebSocket echo built on the platform's socket helpers (tracking, size limit, close).</summary>
[Route("test/ws/echo")]
public sealed class SocketProbeController(WebSocketConnectionTracker tracker) : ControllerBase
{
    [HttpGet]
    public async Task Echo()
    {
        if (!HttpContext.WebSockets.IsWebSocketRequest)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (tracker.Admit(HttpContext, accountId: null) is not { } admission)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        using var socket = await HttpContext.WebSockets.AcceptWebSocketAsync();
        using var connection = tracker.Track(socket, admission);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted, connection.Closing);
        var message = new System.Buffers.ArrayBufferWriter<byte>();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var status = await WebSocketFrames.ReadAsync(socket, message, WebSocketFrames.DefaultMaxMessageBytes, linked.Token);
                switch (status)
                {
                    case WebSocketReadStatus.Message:
                        await WebSocketFrames.SendTextAsync(connection, message.WrittenMemory.ToArray(), linked.Token);
                        break;
                    case WebSocketReadStatus.TooBig:
                        await WebSocketFrames.CloseAsync(connection, WebSocketCloseStatus.MessageTooBig, "Frame too large");
                        return;
                    default:
                        await WebSocketFrames.CloseAsync(connection, WebSocketCloseStatus.NormalClosure, "Bye");
                        return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown or client gone: the tracker has already sent the close frame.
        }
        catch (WebSocketException)
        {
        }
    }
}

/// <summary>A test-only hub proving SignalR speaks the platform's JSON and sees the caller's token.</summary>
public sealed class ProbeHub : Hub
{
    public ProbeModel Echo(ProbeBody body) => new(body.Name, Context.User?.FindFirst("sub")?.Value, body.Count);
}
