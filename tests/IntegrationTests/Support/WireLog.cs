using System.Collections.Concurrent;

namespace CleanGames.IntegrationTests.Support;

/// <summary>One HTTP response an integration test received, as it came off the wire.</summary>
public sealed record WireExchange(string Host, string Method, string Path, bool Upgrade, int Status, string? MediaType, string Body)
{
    public override string ToString() => $"{Method} {Path} → {Status} {MediaType ?? "(no content type)"} [{Host}]";
}

/// <summary>
/// Every response received through a <see cref="CleanGamesHost"/> client in this test run, kept
/// for <c>OpenApiConformanceTests</c>, which checks each against <c>/openapi/v1.json</c> after all
/// the other tests have run.
/// </summary>
public static class WireLog
{
    private static readonly ConcurrentQueue<WireExchange> Exchanges = new();

    public static IReadOnlyList<WireExchange> Snapshot() => [.. Exchanges];

    internal static void Add(WireExchange exchange) => Exchanges.Enqueue(exchange);
}

/// <summary>Records each response (status, content type, body) for <see cref="WireLog"/>; the body stays readable for the test.</summary>
internal sealed class WireRecorder(string host) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = string.Empty;
        if (response.Content is { } content)
        {
            await content.LoadIntoBufferAsync(cancellationToken);
            body = await content.ReadAsStringAsync(cancellationToken);
        }

        var upgrade = response.StatusCode == System.Net.HttpStatusCode.SwitchingProtocols
            || request.Headers.Connection.Contains("Upgrade", StringComparer.OrdinalIgnoreCase)
            || request.Headers.Upgrade.Count > 0;
        WireLog.Add(new WireExchange(
            host,
            request.Method.Method,
            request.RequestUri?.AbsolutePath ?? string.Empty,
            upgrade,
            (int)response.StatusCode,
            response.Content?.Headers.ContentType?.MediaType,
            body));
        return response;
    }
}
