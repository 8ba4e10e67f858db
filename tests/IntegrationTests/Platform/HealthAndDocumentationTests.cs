using System.Net;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

public sealed class HealthAndDocumentationTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_once_the_database_is_migrated()
    {
        var client = host.CreateClient();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", (await live.ReadJsonAsync()).GetProperty("status").GetString());

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var json = await ready.ReadJsonAsync();
        AssertProperties(json, "status", "checks");
        Assert.Equal("healthy", json.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_health_endpoints()
    {
        var response = await host.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/health/live", out _));
        Assert.True(paths.TryGetProperty("/health/ready", out _));
    }

    [Fact]
    public async Task The_api_reference_is_browsable_at_scalar()
    {
        var response = await host.CreateClient().GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>A host whose database is left unmigrated: not ready, and nothing but health answers.</summary>
public sealed class UnmigratedHost : CleanGamesHost
{
    protected override bool WaitUntilReady => false;

    protected override void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("Database:MigrateOnStartup", "false");
}

public sealed class ReadinessGateTests(UnmigratedHost host) : IClassFixture<UnmigratedHost>
{
    [Fact]
    public async Task Until_the_database_is_ready_only_health_answers_and_everything_else_is_503_in_its_dialect()
    {
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        var gated = await client.GetAsync("/test/gateway/ok");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gated.StatusCode);
        Assert.True(gated.Headers.Contains("Retry-After"));
        AssertProperties(await gated.ReadJsonAsync(), "success", "detail");
    }
}
