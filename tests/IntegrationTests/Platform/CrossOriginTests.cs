using System.Net;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>A host whose <c>Cors:AllowedOrigins</c> lists two SPA origins.</summary>
public sealed class CrossOriginHost : CleanGamesHost
{
    public const string Spa = "https://app.example.com";
    public const string DevSpa = "http://localhost:5173";

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Cors:AllowedOrigins:0", Spa);
        builder.UseSetting("Cors:AllowedOrigins:1", DevSpa);
    }
}

/// <summary>
/// Exactly the origins of <c>Cors:AllowedOrigins</c> may call the REST routes and negotiate the
/// hubs from a browser, with credentials; any other origin gets no CORS header at all.
/// </summary>
public sealed class CrossOriginTests(CrossOriginHost host) : IClassFixture<CrossOriginHost>
{
    public static TheoryData<string, string, string> Preflights => new()
    {
        { "/api/v1/auth/me", "GET", "authorization" },
        { "/auth/login", "POST", "content-type" },
        { "/api/kitchen/session", "GET", "authorization,x-request-id" },
        { "/api/matchmaking/lobby/create", "POST", "authorization,content-type" },
        { "/hubs/game/negotiate?negotiateVersion=1", "POST", "authorization,x-requested-with,x-signalr-user-agent" },
    };

    [Theory]
    [MemberData(nameof(Preflights))]
    public async Task A_listed_origin_gets_its_preflight_answered_with_credentials_allowed(string path, string method, string headers)
    {
        foreach (var origin in new[] { CrossOriginHost.Spa, CrossOriginHost.DevSpa })
        {
            var response = await PreflightAsync(path, origin, method, headers);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
            Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
            Assert.Contains(method, Header(response, "Access-Control-Allow-Methods")!.Split(','), StringComparer.OrdinalIgnoreCase);
            var allowedHeaders = Header(response, "Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
            Assert.All(headers.Split(','), h => Assert.Contains(h, allowedHeaders, StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_listed_origin_can_read_answers_refusals_included()
    {
        var client = host.CreateClient();
        var (_, username, _, password) = await client.RegisterGameClientAsync();
        var token = (await client.LoginGameClientAsync(username, password)).GetProperty("token").GetString()!;

        var refused = await SendAsync(HttpMethod.Get, "/api/v1/auth/me", CrossOriginHost.Spa);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        AssertCorsFor(CrossOriginHost.Spa, refused);
        var exposed = Header(refused, "Access-Control-Expose-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("WWW-Authenticate", exposed, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("X-Request-Id", exposed, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Retry-After", exposed, StringComparer.OrdinalIgnoreCase);

        var me = await SendAsync(HttpMethod.Get, "/api/v1/auth/me", CrossOriginHost.Spa, token);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        AssertCorsFor(CrossOriginHost.Spa, me);

        var login = await SendAsync(HttpMethod.Post, "/auth/login", CrossOriginHost.DevSpa, body: Support.Json.Body(new { username, password }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        AssertCorsFor(CrossOriginHost.DevSpa, login);

        var negotiated = await SendAsync(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1", CrossOriginHost.Spa, token);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        AssertCorsFor(CrossOriginHost.Spa, negotiated);
    }

    public static TheoryData<string> OtherOrigins => new()
    {
        "https://evil.example.com",
        "https://app.example.com.evil.example",
        "http://app.example.com",
        "https://app.example.com:8443",
        "null",
    };

    [Theory]
    [MemberData(nameof(OtherOrigins))]
    public async Task Any_other_origin_gets_no_cors_headers(string origin)
    {
        var preflight = await PreflightAsync("/api/v1/auth/me", origin, "GET", "authorization");
        AssertNoCors(preflight);

        var token = host.IssueToken(1);
        AssertNoCors(await SendAsync(HttpMethod.Get, "/api/v1/auth/me", origin, token));
        AssertNoCors(await SendAsync(HttpMethod.Post, "/hubs/game/negotiate?negotiateVersion=1", origin, token));
        AssertNoCors(await PreflightAsync("/hubs/game/negotiate?negotiateVersion=1", origin, "POST", "authorization"));
    }

    [Fact]
    public async Task A_request_without_an_origin_gets_no_cors_headers()
    {
        var response = await host.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoCors(response);
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : null;

    internal static void AssertNoCors(HttpResponseMessage response) =>
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));

    private static void AssertCorsFor(string origin, HttpResponseMessage response)
    {
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
    }

    private Task<HttpResponseMessage> PreflightAsync(string path, string origin, string method, string headers) =>
        PreflightAsync(host, path, origin, method, headers);

    internal static async Task<HttpResponseMessage> PreflightAsync(CleanGamesHost host, string path, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", method);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", headers);
        return await host.CreateClient().SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string origin, string? token = null, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.TryAddWithoutValidation("Origin", origin);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await host.CreateClient().SendAsync(request);
    }
}

/// <summary>With <c>Cors:AllowedOrigins</c> empty (the default) no origin may call the API from a browser.</summary>
public sealed class CrossOriginDefaultTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task By_default_no_origin_gets_cors_headers()
    {
        CrossOriginTests.AssertNoCors(await CrossOriginTests.PreflightAsync(host, "/api/v1/auth/me", CrossOriginHost.Spa, "GET", "authorization"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.TryAddWithoutValidation("Origin", CrossOriginHost.Spa);
        CrossOriginTests.AssertNoCors(await host.CreateClient().SendAsync(request));
    }
}

public sealed class CrossOriginConfigurationTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("https://app.example.com/")]
    [InlineData("https://*.example.com")]
    [InlineData("app.example.com")]
    public async Task An_entry_that_is_not_an_origin_stops_the_start_and_is_named(string entry)
    {
        await using var host = new MisconfiguredHost(entry);
        var error = await Assert.ThrowsAnyAsync<Exception>(host.InitializeAsync);
        Assert.Contains("Cors:AllowedOrigins", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"'{entry}'", error.ToString(), StringComparison.Ordinal);
    }

    private sealed class MisconfiguredHost(string entry) : CleanGamesHost
    {
        protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseSetting("Cors:AllowedOrigins:0", entry);
    }
}
