using System.Net;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

public sealed class TightLimitsHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimiting:AuthenticationPermitsPerMinute", "5");
        builder.UseSetting("Identity:SignInThrottle:FreeFailures", "3");
    }
}

public sealed class ThrottlingTests(TightLimitsHost host) : IClassFixture<TightLimitsHost>
{
    [Fact]
    public async Task Too_many_attempts_from_one_address_are_429_with_retry_after_in_the_route_dialect()
    {
        var client = host.CreateClient();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 8 && limited is null; i++)
        {
            var response = await client.PostAsync("/refresh", Body(new { refresh_token = "x" }));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        var json = await limited.ReadJsonAsync();
        AssertProperties(json, "status", "message");
        Assert.Equal(7, json.GetProperty("status").GetInt32());
    }
}

public sealed class AccountThrottleTests : IAsyncLifetime
{
    private readonly AccountThrottleHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task After_its_free_failures_a_client_address_waits_even_with_the_right_password_then_signs_in()
    {
        var client = _host.CreateClient();
        var (_, username, _, password) = await client.RegisterGameClientAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/auth/login", Body(new { username, password = "wrong-password" }))).StatusCode);
        }

        var blocked = await client.PostAsync("/auth/login", Body(new { username, password }));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("1", blocked.Headers.GetValues("Retry-After").Single());
        AssertProperties(await blocked.ReadJsonAsync(), "success", "detail");

        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/auth/login", Body(new { username, password }))).StatusCode);
    }

    private sealed class AccountThrottleHost : CleanGamesHost
    {
        protected override void ConfigureHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Identity:SignInThrottle:FreeFailures", "3");
        }
    }
}
