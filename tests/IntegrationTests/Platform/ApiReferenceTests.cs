using System.Net;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>The host as deployments run it: the Production environment.</summary>
public class ProductionHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseEnvironment("Production");
}

/// <summary>Production with <c>Api:PublishReference</c> turned off.</summary>
public sealed class UnpublishedReferenceHost : ProductionHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        base.ConfigureHost(builder);
        builder.UseSetting("Api:PublishReference", "false");
    }
}

/// <summary><c>Api:PublishReference</c> (default true) decides whether <c>/openapi</c> and <c>/scalar</c> are mapped, Production included.</summary>
public sealed class PublishedReferenceTests(ProductionHost host) : IClassFixture<ProductionHost>
{
    [Fact]
    public async Task Production_serves_the_openapi_document_and_the_reference_by_default()
    {
        var client = host.CreateClient();
        var document = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.True((await document.ReadJsonAsync()).TryGetProperty("paths", out _));

        var reference = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class UnpublishedReferenceTests(UnpublishedReferenceHost host) : IClassFixture<UnpublishedReferenceHost>
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    [InlineData("/scalar/v1")]
    public async Task With_publish_reference_false_the_document_and_the_reference_are_not_mapped(string path)
    {
        var response = await host.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_rest_of_the_api_is_unaffected()
    {
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var (_, username, _, password) = await client.RegisterGameClientAsync();
        AssertProperties(await client.LoginGameClientAsync(username, password), "token", "refresh_token", "expires_in");
    }
}
