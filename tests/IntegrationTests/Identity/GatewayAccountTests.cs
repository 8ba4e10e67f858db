using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

/// <summary>Seed 002 section 1: register, login, refresh, logout, in the Gateway dialect.</summary>
public sealed class GatewayAccountTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Register_answers_the_account_in_the_seed_shape()
    {
        var username = Accounts.UniqueName();
        var response = await _client.PostAsync("/auth/register", Body(new { email = $"{username}@example.com", username, password = "password123" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "success", "data");
        Assert.True(json.GetProperty("success").GetBoolean());
        var data = json.GetProperty("data");
        AssertProperties(data, "account_id", "email", "username");
        Assert.Equal(JsonValueKind.Number, data.GetProperty("account_id").ValueKind);
        Assert.Equal(username, data.GetProperty("username").GetString());
        Assert.Equal($"{username}@example.com", data.GetProperty("email").GetString());
    }

    [Fact]
    public async Task A_taken_username_or_email_is_409_with_the_seed_message_whatever_the_case()
    {
        var (_, username, email, _) = await _client.RegisterGameClientAsync();

        var sameName = await _client.PostAsync("/auth/register", Body(new { email = Accounts.UniqueName() + "@example.com", username = username.ToUpperInvariant(), password = "password123" }));
        var sameEmail = await _client.PostAsync("/auth/register", Body(new { email = email.ToUpperInvariant(), username = Accounts.UniqueName(), password = "password123" }));

        foreach (var response in new[] { sameName, sameEmail })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var json = await response.ReadJsonAsync();
            AssertProperties(json, "success", "detail");
            Assert.False(json.GetProperty("success").GetBoolean());
            Assert.Equal("User with this username or email already exists.", json.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task A_Russian_username_registers_and_is_one_name_whatever_its_case_or_spelling()
    {
        const string password = "password123";
        var registered = await _client.PostAsync("/auth/register", Body(new { email = "igrok1@example.com", username = "Игрок_1", password }));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal("Игрок_1", (await registered.ReadJsonAsync()).GetProperty("data").GetProperty("username").GetString());

        // Another case is the same name: taken for a registration, accepted for a sign-in.
        var upper = await _client.PostAsync("/auth/register", Body(new { email = "igrok2@example.com", username = "ИГРОК_1", password }));
        Assert.Equal(HttpStatusCode.Conflict, upper.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/auth/login", Body(new { username = "игрок_1", password }))).StatusCode);

        // A letter typed decomposed (Е + combining diaeresis) is the composed Ё.
        const string composed = "Ёж.ик-9";
        const string decomposed = "\u0415\u0308\u0436.\u0438\u043A-9";
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/auth/register", Body(new { email = "yozhik1@example.com", username = composed, password }))).StatusCode);
        var twice = await _client.PostAsync("/auth/register", Body($$"""{"email": "yozhik2@example.com", "username": "{{decomposed}}", "password": "{{password}}"}"""));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/auth/login", Body($$"""{"username": "{{decomposed}}", "password": "{{password}}"}"""))).StatusCode);

        // Full-width forms are stored as the letters they stand for.
        var wide = await _client.PostAsync("/auth/register", Body(new { email = "wide@example.com", username = "ｐｌａｙｅｒ＿７", password }));
        Assert.Equal(HttpStatusCode.OK, wide.StatusCode);
        Assert.Equal("player_7", (await wide.ReadJsonAsync()).GetProperty("data").GetProperty("username").GetString());
    }

    [Theory]
    [InlineData("""{"email": "not-an-email", "username": "valid_name", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "ab", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "Иг", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "\u0415\u0308\u0436", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "Игрок 1", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "Игрок<1>", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "игрок@почта", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "ЯяЯяЯяЯяЯяЯяЯяЯяЯяЯяЯяЯяЯяЯяЯяЯяЯ", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": "valid_name", "password": "short"}""")]
    [InlineData("""{"username": "valid_name", "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", "username": 12345, "password": "password123"}""")]
    [InlineData("""{"email": "a@example.com", """)]
    public async Task Invalid_registrations_are_400_and_create_nothing(string body)
    {
        var response = await _client.PostAsync("/auth/register", Body(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "success", "detail");
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));

        var login = await _client.PostAsync("/auth/login", Body(new { username = "valid_name", password = "password123" }));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Login_answers_tokens_that_work_on_every_module()
    {
        var (accountId, username, _, password) = await _client.RegisterGameClientAsync();
        var response = await _client.PostAsync("/auth/login", Body(new { username, password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        AssertProperties(data, "token", "refresh_token", "expires_in");
        Assert.Equal(3600, data.GetProperty("expires_in").GetInt32());

        var client = host.CreateClient().WithBearer(data.GetProperty("token").GetString()!);
        var me = await (await client.GetAsync("/api/v1/auth/me")).ReadJsonAsync();
        Assert.Equal(accountId.ToString(System.Globalization.CultureInfo.InvariantCulture), me.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/fastapi/secure")).StatusCode);
    }

    [Fact]
    public async Task Login_accepts_the_email_in_place_of_the_username()
    {
        var (_, _, email, password) = await _client.RegisterGameClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/auth/login", Body(new { username = email, password }))).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_401()
    {
        var (_, username, _, _) = await _client.RegisterGameClientAsync();
        var wrong = await _client.PostAsync("/auth/login", Body(new { username, password = "not the password" }));
        var unknown = await _client.PostAsync("/auth/login", Body(new { username = Accounts.UniqueName(), password = "whatever123" }));

        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var json = await response.ReadJsonAsync();
            AssertProperties(json, "success", "detail");
            Assert.Equal("Invalid username or password.", json.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Refresh_rotates_and_a_reused_token_revokes_the_family()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();
        var first = (await _client.LoginGameClientAsync(username, password)).GetProperty("refresh_token").GetString()!;

        var rotated = await _client.PostAsync("/auth/refresh", Body(new { refresh_token = first }));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var data = (await rotated.ReadJsonAsync()).GetProperty("data");
        AssertProperties(data, "token", "refresh_token", "expires_in");
        var second = data.GetProperty("refresh_token").GetString()!;
        Assert.NotEqual(first, second);

        // Past the grace window (Jwt:RefreshGraceSeconds, 5) the used-up token is reuse.
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        var replay = await _client.PostAsync("/auth/refresh", Body(new { refresh_token = first }));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("Refresh token is invalid or has expired.", (await replay.ReadJsonAsync()).GetProperty("detail").GetString());

        var afterRevocation = await _client.PostAsync("/auth/refresh", Body(new { refresh_token = second }));
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
    }

    [Fact]
    public async Task Parallel_refreshes_with_one_token_all_get_the_same_new_pair_and_the_session_lives_on()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();
        var token = (await _client.LoginGameClientAsync(username, password)).GetProperty("refresh_token").GetString()!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.PostAsync("/auth/refresh", Body(new { refresh_token = token }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var pairs = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("data")));
        Assert.Single(pairs.Select(p => (p.GetProperty("token").GetString(), p.GetProperty("refresh_token").GetString())).Distinct());
        var next = pairs[0].GetProperty("refresh_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/auth/refresh", Body(new { refresh_token = next }))).StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_family()
    {
        var (_, username, _, password) = await _client.RegisterGameClientAsync();
        var token = (await _client.LoginGameClientAsync(username, password)).GetProperty("refresh_token").GetString()!;

        var logout = await _client.PostAsync("/auth/logout", Body(new { refresh_token = token }));
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.True((await logout.ReadJsonAsync()).GetProperty("success").GetBoolean());

        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync("/auth/refresh", Body(new { refresh_token = token }))).StatusCode);
    }

    [Fact]
    public async Task Garbage_refresh_tokens_are_401()
    {
        foreach (var body in new[] { """{"refresh_token": "nope"}""", """{"refresh_token": ""}""", "{}" })
        {
            var response = await _client.PostAsync("/auth/refresh", Body(body));
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, body);
            AssertProperties(await response.ReadJsonAsync(), "success", "detail");
        }
    }

    [Fact]
    public async Task Racing_registrations_of_one_username_create_one_account()
    {
        var username = Accounts.UniqueName();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            _client.PostAsync("/auth/register", Body(new { email = $"{username}{i}@example.com", username, password = "password123" }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }
}
