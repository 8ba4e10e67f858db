using System.Net;
using System.Text.Json;
using CleanGames.Domain.Identity.Sessions;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

public sealed class LoggedHost : CleanGamesHost
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.ConfigureLogging(logging => logging.AddProvider(Log));
}

/// <summary>Refresh-token rotation: the grace window for racing tabs, reuse detection, bounded families.</summary>
public sealed class RefreshSessionTests(LoggedHost host) : IClassFixture<LoggedHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Two_refreshes_50_ms_apart_leave_the_session_alive()
    {
        var first = await SignInAsync();

        var tabA = await RefreshAsync(first);
        await Task.Delay(50);
        host.Clock.Advance(TimeSpan.FromMilliseconds(50));
        var tabB = await RefreshAsync(first);

        Assert.Equal(HttpStatusCode.OK, tabA.Status);
        Assert.Equal(HttpStatusCode.OK, tabB.Status);
        Assert.Equal(tabA.RefreshToken, tabB.RefreshToken);
        Assert.Equal(tabA.AccessToken, tabB.AccessToken);
        Assert.NotEqual(first, tabA.RefreshToken);

        var next = await RefreshAsync(tabB.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        var me = await host.CreateClient().WithBearer(tabB.AccessToken!).GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task The_novels_cookie_refreshed_by_two_tabs_at_once_keeps_the_session()
    {
        var email = Accounts.UniqueName() + "@example.com";
        var register = await _client.PostAsync("/api/v1/auth/register", Body(new { email, password = "password123", display_name = "Tabs" }));
        var cookie = CookieValue(register);

        var tabs = await Task.WhenAll(RefreshWithCookie(cookie), RefreshWithCookie(cookie));

        Assert.All(tabs, t => Assert.Equal(HttpStatusCode.OK, t.StatusCode));
        Assert.Equal(CookieValue(tabs[0]), CookieValue(tabs[1]));
        Assert.Equal(HttpStatusCode.OK, (await RefreshWithCookie(CookieValue(tabs[0]))).StatusCode);
    }

    [Fact]
    public async Task A_used_token_outside_the_grace_window_revokes_the_session_and_is_logged_without_the_token()
    {
        var first = await SignInAsync();
        var second = (await RefreshAsync(first)).RefreshToken!;

        host.Clock.Advance(TimeSpan.FromSeconds(6));
        var replay = await RefreshAsync(first);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("Refresh token is invalid or has expired.", replay.Detail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(second)).Status);
        var familyId = await FamilyOfAsync(second);
        Assert.Equal(RefreshTokenFamily.ReuseDetectedReason, await RevocationReasonAsync(familyId));
        var logged = Assert.Single(host.Log.Lines, l => l.Contains(familyId.ToString(), StringComparison.Ordinal));
        Assert.StartsWith("Warning", logged, StringComparison.Ordinal);
        Assert.Contains("reuse", logged, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Log.Lines, l => l.Contains(first, StringComparison.Ordinal) || l.Contains(second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_family_keeps_two_hashes_however_often_it_rotates_and_an_old_forgotten_token_still_revokes_it()
    {
        var first = await SignInAsync();
        var current = first;
        for (var i = 0; i < 30; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(10));
            var rotated = await RefreshAsync(current);
            Assert.Equal(HttpStatusCode.OK, rotated.Status);
            current = rotated.RefreshToken!;
        }

        var familyId = await FamilyOfAsync(current);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var model = db.Model.FindEntityType(typeof(RefreshTokenFamily))!;
            Assert.Empty(model.GetNavigations());
            Assert.Empty(model.GetSkipNavigations());
            var stored = await db.RefreshTokenFamilies.AsNoTracking().SingleAsync(f => f.Id == familyId);
            Assert.Equal(CleanGames.Application.Identity.Common.RefreshTokens.Hash(current), stored.CurrentTokenHash);
        }

        // The first token is long forgotten; it still names its family, which is revoked.
        var stale = await RefreshAsync(first);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.Status);
        Assert.Equal("Refresh token is invalid or has expired.", stale.Detail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(current)).Status);
        Assert.Equal(RefreshTokenFamily.ReuseDetectedReason, await RevocationReasonAsync(familyId));
    }

    [Fact]
    public async Task A_reuse_racing_a_rotation_always_ends_with_the_session_revoked()
    {
        for (var round = 0; round < 5; round++)
        {
            var first = await SignInAsync();
            var second = (await RefreshAsync(first)).RefreshToken!;
            host.Clock.Advance(TimeSpan.FromSeconds(6));

            var raced = await Task.WhenAll(RefreshAsync(first), RefreshAsync(second), RefreshAsync(first), RefreshAsync(second));

            Assert.Equal(HttpStatusCode.Unauthorized, raced[0].Status);
            Assert.Equal(HttpStatusCode.Unauthorized, raced[2].Status);
            Assert.Equal(RefreshTokenFamily.ReuseDetectedReason, await RevocationReasonAsync(await FamilyOfAsync(second)));
            foreach (var token in raced.Select(r => r.RefreshToken).OfType<string>().Append(second))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(token)).Status);
            }
        }
    }

    private async Task<string> SignInAsync()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();
        return (await _client.LoginGameClientAsync(username, password)).GetProperty("refresh_token").GetString()!;
    }

    private async Task<(HttpStatusCode Status, string? AccessToken, string? RefreshToken, string? Detail)> RefreshAsync(string refreshToken)
    {
        var response = await _client.PostAsync("/auth/refresh", Body(new { refresh_token = refreshToken }));
        var json = await response.ReadJsonAsync();
        if (!response.IsSuccessStatusCode)
        {
            AssertProperties(json, "success", "detail");
            return (response.StatusCode, null, null, json.GetProperty("detail").GetString());
        }

        var data = json.GetProperty("data");
        return (response.StatusCode, data.GetProperty("token").GetString(), data.GetProperty("refresh_token").GetString(), null);
    }

    private Task<HttpResponseMessage> RefreshWithCookie(string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/refresh");
        request.Headers.Add("Cookie", $"refresh_token={cookie}");
        return _client.SendAsync(request);
    }

    private static string CookieValue(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("refresh_token=", StringComparison.Ordinal)).Split(';')[0]["refresh_token=".Length..];

    private static Task<Guid> FamilyOfAsync(string refreshToken) =>
        Task.FromResult(CleanGames.Application.Identity.Common.RefreshTokens.FamilyOf(refreshToken) ?? throw new InvalidOperationException("not a token"));

    private async Task<string?> RevocationReasonAsync(Guid familyId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.RefreshTokenFamilies.AsNoTracking().Where(f => f.Id == familyId).Select(f => f.RevocationReason).SingleAsync();
    }
}
