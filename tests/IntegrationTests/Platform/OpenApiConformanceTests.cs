using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Xunit.Abstractions;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>
/// xunit runs collections that disable parallelization after every parallel one has finished, so
/// this collection sees the responses of all the other integration tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AfterAllOtherTests
{
    public const string Name = "After all other tests";
}

/// <summary>
/// SPA developers generate clients from <c>/openapi/v1.json</c>: every response the integration
/// tests received must be one the document describes (operation, status, content type, schema),
/// so the document cannot drift from the wire.
/// </summary>
[Collection(AfterAllOtherTests.Name)]
public sealed class OpenApiConformanceTests(CleanGamesHost host, ITestOutputHelper output) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Every_response_the_integration_tests_received_matches_the_openapi_document()
    {
        using var client = host.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var contract = new OpenApiContract(document.RootElement);

        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var exchange in WireLog.Snapshot())
        {
            if (SkipReason(exchange, contract) is { } reason)
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                continue;
            }

            checkedCount++;
            if (contract.Violation(exchange) is { } violation)
            {
                failures.Add($"{exchange}: {violation}");
            }
        }

        output.WriteLine($"Checked {checkedCount} responses against /openapi/v1.json.");
        foreach (var (reason, count) in skipped.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"Skipped {count}: {reason}.");
        }

        Assert.True(checkedCount > 0, "No API response was recorded: this test checks the responses of the other integration tests, so run it with them (it runs last).");
        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {checkedCount} responses do not match /openapi/v1.json:\n" + string.Join("\n", failures.Distinct().Take(40)));
    }

    [Fact]
    public async Task The_contract_rejects_responses_the_document_does_not_describe()
    {
        using var client = host.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var contract = new OpenApiContract(document.RootElement);
        const string tokens = """{"token": "a", "refresh_token": "b", "expires_in": 3600}""";

        Assert.Null(contract.Violation(Exchange("POST", "/auth/login", 200, "application/json", $$"""{"success": true, "data": {{tokens}}}""")));
        // The bare model, as the document used to describe it.
        Assert.Contains("does not match", contract.Violation(Exchange("POST", "/auth/login", 200, "application/json", tokens)));
        Assert.Contains("status 200 is not documented", contract.Violation(Exchange("POST", "/api/v1/auth/register", 200, "application/json", "{}")));
        Assert.Contains("content type text/plain", contract.Violation(Exchange("POST", "/auth/login", 200, "text/plain", tokens)));
        Assert.Contains("does not match", contract.Violation(Exchange("POST", "/auth/login", 401, "application/json", """{"detail": "Invalid username or password."}""")));
        Assert.Contains("no GET operation", contract.Violation(Exchange("GET", "/auth/login", 200, "application/json", "{}")));
        Assert.Contains("no path", contract.Violation(Exchange("GET", "/nowhere", 404, "application/json", "{}")));
    }

    private static WireExchange Exchange(string method, string path, int status, string mediaType, string body) =>
        new(nameof(OpenApiConformanceTests), method, path, Upgrade: false, status, mediaType, body);

    // Not REST operations of the product: sockets and hubs have their own protocols, CORS
    // preflights are the browser's, the browser pages are static files, the health,
    // document and reference endpoints are not generated clients' business, and probes are
    // test-only. A request for a route or method that does not exist is no operation either: the
    // router's 404/405 for it is held by the dialect tests, and any other answer there fails.
    private static string? SkipReason(WireExchange exchange, OpenApiContract contract) => exchange switch
    {
        { Upgrade: true } => "WebSocket upgrades",
        { Method: "OPTIONS" } => "OPTIONS (CORS preflights, answered by the CORS middleware)",
        _ when Under(exchange.Path, "/health") => "/health (liveness and readiness)",
        _ when Under(exchange.Path, "/openapi") => "/openapi (the document itself)",
        _ when Under(exchange.Path, "/scalar") => "/scalar (the API reference page)",
        _ when Under(exchange.Path, "/test") => "/test (probe controllers and hubs of tests/IntegrationTests/Probes)",
        _ when Under(exchange.Path, "/hubs") => "/hubs (SignalR)",
        { Method: "GET", Status: 200 or 304, MediaType: "text/html" or "text/css" or "text/javascript" or "image/svg+xml" or "text/plain" } when !contract.HasOperation(exchange.Method, exchange.Path) && !Under(exchange.Path, "/api")
            => "browser pages (the static files of src/WebApi/wwwroot)",
        { Status: 404 or 405 } when !contract.HasOperation(exchange.Method, exchange.Path) => "unknown routes and methods (the router's 404/405)",
        _ => null,
    };

    private static bool Under(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
}
