using System.Net;
using System.Text.Json;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

/// <summary>
/// The host behind a trusted proxy (the test client, on loopback), so each request can come from
/// the client address its <c>X-Forwarded-For</c> names, with the sign-in throttle's real numbers:
/// 5 free failures per (account, address), then 1 s, doubling.
/// </summary>
public sealed class ProxiedThrottleHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Network:TrustedProxies:0", "127.0.0.1");
        builder.UseSetting("Network:TrustedProxies:1", "::1");
        builder.UseSetting("Identity:SignInThrottle:FreeFailures", "5");
    }
}

/// <summary>Password sign-ins are throttled per (account, client address), never per account alone.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private const string WrongPassword = "not the password";
    private readonly ProxiedThrottleHost _host = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _client = _host.CreateClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_owner_signs_in_from_their_own_address_after_100_failures_from_elsewhere()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();

        // 100 wrong passwords from 20 addresses: each address's five free failures.
        for (var i = 0; i < 100; i++)
        {
            var response = await LoginFrom($"203.0.113.{1 + (i / 5)}", username, WrongPassword);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A few addresses keep hammering: they are made to wait, the account is not locked.
        for (var i = 0; i < 40; i++)
        {
            var response = await LoginFrom($"203.0.113.{1 + (i % 4)}", username, WrongPassword);
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        var owner = await LoginFrom("198.51.100.7", username, password);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        AssertProperties((await owner.ReadJsonAsync()).GetProperty("data"), "token", "refresh_token", "expires_in");

        // The attacker's own address still waits, even with the right password.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginFrom("203.0.113.1", username, password)).StatusCode);
    }

    [Fact]
    public async Task After_five_failures_an_address_waits_a_second_then_twice_as_long_after_each_further_failure()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();
        const string address = "192.0.2.10";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom(address, username, WrongPassword)).StatusCode);
        }

        foreach (var wait in new[] { 1, 2, 4 })
        {
            var refused = await LoginFrom(address, username, password);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal(wait.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Headers.GetValues("Retry-After").Single());
            var json = await refused.ReadJsonAsync();
            AssertProperties(json, "success", "detail");
            Assert.Equal("Too many failed sign-ins for this account; try again later.", json.GetProperty("detail").GetString());

            _host.Clock.Advance(TimeSpan.FromSeconds(wait - 0.5));
            Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginFrom(address, username, password)).StatusCode);
            _host.Clock.Advance(TimeSpan.FromSeconds(0.5));
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom(address, username, WrongPassword)).StatusCode);
        }

        _host.Clock.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom(address, username, password)).StatusCode);

        // The right password forgot the address's failures: five free ones again.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom(address, username, WrongPassword)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginFrom(address, username, password)).StatusCode);
    }

    [Fact]
    public async Task Ipv6_addresses_of_one_64_share_their_failures_and_another_64_does_not()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom($"2001:db8:7:1::{i:x}", username, WrongPassword)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginFrom("2001:db8:7:1:abcd:ef01:2345:6789", username, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("2001:db8:7:2::1", username, password)).StatusCode);
    }

    [Fact]
    public async Task Racing_guesses_from_one_address_are_each_counted_and_none_passes_the_wait()
    {
        var (_, username, _, _) = await _client.RegisterGameClientAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => LoginFrom("192.0.2.77", username, WrongPassword)));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task An_unknown_login_is_counted_and_refused_exactly_like_a_real_account()
    {
        var (_, username, _, _) = await _client.RegisterGameClientAsync();
        var unknown = Accounts.UniqueName();

        var real = await FailUntilRefusedAsync("192.0.2.31", username);
        var ghost = await FailUntilRefusedAsync("192.0.2.32", unknown);

        Assert.Equal(real.Statuses, ghost.Statuses);
        Assert.Equal(real.Bodies, ghost.Bodies);
        Assert.Equal(real.RetryAfter, ghost.RetryAfter);

        // Both left one counted row behind: a wrong guess writes the same, whether the login exists or not.
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var attempts = await db.SignInThrottle.AsNoTracking()
            .Where(e => e.Address == "192.0.2.31" || e.Address == "192.0.2.32")
            .Select(e => e.Attempts)
            .ToListAsync();
        Assert.Equal([5, 5], attempts);
    }

    [Fact]
    public async Task The_wait_is_answered_in_each_routes_dialect()
    {
        var email = Accounts.UniqueName() + "@example.com";
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/reg", Body(new { email, password = "password123" }))).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            await SendFrom("192.0.2.50", "/auth", new { email, password = WrongPassword });
        }

        var clicker = await SendFrom("192.0.2.50", "/auth", new { email, password = "password123" });
        Assert.Equal(HttpStatusCode.TooManyRequests, clicker.StatusCode);
        Assert.True(clicker.Headers.Contains("Retry-After"));
        Assert.Equal(13, (await clicker.ReadJsonAsync()).GetProperty("status").GetInt32());

        var novels = await SendFrom("192.0.2.50", "/api/v1/auth/login", new { email, password = "password123" });
        Assert.Equal(HttpStatusCode.TooManyRequests, novels.StatusCode);
        Assert.True(novels.Headers.Contains("Retry-After"));
        Assert.Equal("RATE_LIMIT_EXCEEDED", (await novels.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    private async Task<(List<HttpStatusCode> Statuses, List<string> Bodies, string RetryAfter)> FailUntilRefusedAsync(string address, string login)
    {
        var statuses = new List<HttpStatusCode>();
        var bodies = new List<string>();
        string? retryAfter = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await LoginFrom(address, login, WrongPassword);
            statuses.Add(response.StatusCode);
            bodies.Add((await response.ReadJsonAsync()).GetRawText());
            if (response.Headers.TryGetValues("Retry-After", out var values))
            {
                retryAfter = values.Single();
            }
        }

        return (statuses, bodies, retryAfter ?? "none");
    }

    private Task<HttpResponseMessage> LoginFrom(string address, string username, string password) =>
        SendFrom(address, "/auth/login", new { username, password });

    private Task<HttpResponseMessage> SendFrom(string address, string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(body) };
        request.Headers.Add("X-Forwarded-For", address);
        return _client.SendAsync(request);
    }
}
