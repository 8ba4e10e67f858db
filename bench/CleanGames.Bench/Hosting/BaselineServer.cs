using System.Net.WebSockets;
using System.Text.Json;

namespace CleanGames.Bench.Hosting;

/// <summary>
/// The reference every scenario is compared with: Kestrel and routing only, answering what CleanGames
/// answers. It runs as a child process of the bench (this same assembly, hidden mode) so it pays the
/// same process and loopback costs as the WebApi it stands in for.
/// </summary>
internal static class BaselineServer
{
    public const string ServeFlag = "--serve-baseline";
    public const string HealthPath = "/health/live";
    public const string EchoPath = "/echo";

    private sealed record HealthReply(string Status, IReadOnlyDictionary<string, string>? Checks);

    public static async Task<RunningServer> StartAsync(Toolchain toolchain, CorePlan plan, CancellationToken ct)
    {
        var baseAddress = FreePort.NextLoopbackAddress();
        string[] arguments = [toolchain.BenchAssembly, ServeFlag, "--urls", baseAddress.GetLeftPart(UriPartial.Authority)];
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var (fileName, pinned) = plan.ForServer(toolchain.Dotnet, arguments);
        var process = ChildProcess.Start("baseline server", fileName, pinned, environment, AppContext.BaseDirectory);
        return await RunningServer.WhenReadyAsync(process, baseAddress, HealthPath, scratchDirectory: null, ct);
    }

    public static async Task<int> ServeAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Serialised rather than a constant string so the baseline pays for JSON like CleanGames does:
        // the ratio then isolates the pipeline, not the serializer. Body: {"status":"healthy","checks":null}.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGet(HealthPath, () => TypedResults.Ok(new HealthReply("healthy", null)));
        app.Map(EchoPath, EchoAsync);
        await app.RunAsync();
        return 0;
    }

    /// <summary>Sends every message back as received: the floor for a WebSocket round-trip.</summary>
    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var ct = context.RequestAborted;
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, ct);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away mid-run (a bench stopping at its deadline); that is not a server fault.
        }
    }
}
