using System.Net;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

/// <summary>Seed 004 under <c>/api/v1/auth</c>: the refresh token lives only in a strict cookie.</summary>
public sealed class NovelsAccountTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Register_is_201_with_the_user_an_access_token_and_a_strict_refresh_cookie()
    {
        var email = Accounts.UniqueName() + "@example.com";
        var response = await _client.PostAsync("/api/v1/auth/register", Body(new { email, password = "password123", display_name = "Reader" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "data", "meta");
        var data = json.GetProperty("data");
        AssertProperties(data, "user", "access_token", "expires_in");
        var user = data.GetProperty("user");
        AssertProperties(user, "id", "email", "display_name", "avatar_url", "roles", "created_at", "last_login_at");
        Assert.Equal(System.Text.Json.JsonValueKind.String, user.GetProperty("id").ValueKind);
        Assert.Equal("Reader", user.GetProperty("display_name").GetString());
        Assert.Equal(["user"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        var cookie = RefreshCookie(response);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/v1/auth", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_display_name_goes_out_with_markup_escaped_and_letters_readable()
    {
        const string name = "<b>Ёлка</b> & 'co'";
        var response = await _client.PostAsync("/api/v1/auth/register", Body(new { email = Accounts.UniqueName() + "@example.com", password = "password123", display_name = name }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains(@"""display_name"":""\u003Cb\u003EЁлка\u003C/b\u003E \u0026 \u0027co\u0027""", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<", raw, StringComparison.Ordinal);
        Assert.Equal(name, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("user").GetProperty("display_name").GetString());
    }

    [Fact]
    public async Task A_taken_email_is_400_and_invalid_fields_are_422_with_details()
    {
        var email = Accounts.UniqueName() + "@example.com";
        await _client.PostAsync("/api/v1/auth/register", Body(new { email, password = "password123", display_name = "Reader" }));

        var taken = await _client.PostAsync("/api/v1/auth/register", Body(new { email, password = "password123", display_name = "Other" }));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        AssertProperties((await taken.ReadJsonAsync()).GetProperty("error"), "code", "message", "details");

        var invalid = await _client.PostAsync("/api/v1/auth/register", Body(new { email = "nope", password = "short" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var error = (await invalid.ReadJsonAsync()).GetProperty("error");
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        var fields = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToHashSet();
        Assert.Contains("email", fields);
        Assert.Contains("password", fields);
        Assert.Contains("display_name", fields);
    }

    [Fact]
    public async Task Login_refresh_through_the_cookie_and_logout()
    {
        var email = Accounts.UniqueName() + "@example.com";
        await _client.PostAsync("/api/v1/auth/register", Body(new { email, password = "password123", display_name = "Reader" }));

        var wrong = await _client.PostAsync("/api/v1/auth/login", Body(new { email, password = "not-it-at-all" }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        AssertProperties(await wrong.ReadJsonAsync(), "error", "meta");

        var login = await _client.PostAsync("/api/v1/auth/login", Body(new { email, password = "password123" }));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = CookieValue(RefreshCookie(login));

        var refresh = await SendWithCookie("/api/v1/auth/refresh", cookie);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        AssertProperties((await refresh.ReadJsonAsync()).GetProperty("data"), "user", "access_token", "expires_in");
        var rotated = CookieValue(RefreshCookie(refresh));
        Assert.NotEqual(cookie, rotated);

        var logout = await SendWithCookie("/api/v1/auth/logout", rotated);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("expires=", RefreshCookie(logout), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendWithCookie("/api/v1/auth/refresh", rotated)).StatusCode);

        var noCookie = await _client.PostAsync("/api/v1/auth/refresh", null);
        Assert.Equal(HttpStatusCode.Unauthorized, noCookie.StatusCode);
    }

    [Fact]
    public async Task Me_answers_the_profile_of_any_account_with_zero_reading_stats()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();
        var token = (await _client.LoginGameClientAsync(username, password)).GetProperty("token").GetString()!;

        var response = await host.CreateClient().WithBearer(token).GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = (await response.ReadJsonAsync()).GetProperty("data");
        AssertProperties(profile, "id", "email", "display_name", "avatar_url", "roles", "created_at", "last_login_at",
            "bio", "level", "xp_total", "xp_to_next_level", "subscription", "stats");
        Assert.Equal(username, profile.GetProperty("display_name").GetString());
        AssertProperties(profile.GetProperty("stats"), "chapters_read", "reading_time_minutes", "comments_count", "bookmarks_count", "novels_proposed", "tickets_spent");
        Assert.All(profile.GetProperty("stats").EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));

        var anonymous = await _client.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await anonymous.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    private Task<HttpResponseMessage> SendWithCookie(string path, string cookieValue)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", $"refresh_token={cookieValue}");
        return _client.SendAsync(request);
    }

    private static string RefreshCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("refresh_token=", StringComparison.Ordinal));

    private static string CookieValue(string setCookie) => setCookie.Split(';')[0]["refresh_token=".Length..];
}
