using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.BotAnalytics;

/// <summary><c>POST /api/bots</c>, <c>GET /api/bots</c> and <c>POST /api/bots/{bot_id}/ingest-key</c> (FastAPI dialect).</summary>
public sealed class BotRegistrationTests(BotAnalyticsHost host) : IClassFixture<BotAnalyticsHost>
{
    private static readonly string[] BotFields = ["uid", "bot_id", "username", "admin_id", "ref_percent", "balance", "status", "meta"];

    [Fact]
    public async Task An_owner_signed_in_with_init_data_registers_a_bot_and_sees_it_listed_without_its_key()
    {
        var owner = host.NewTelegramId();
        var client = await host.SignInAsync(owner);
        var token = host.NewBotToken();
        var telegramBotId = long.Parse(token[..token.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture);

        var response = await client.PostAsync("/api/bots", Body(new { bot_token = token }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token[(token.IndexOf(':') + 1)..], text, StringComparison.Ordinal);
        var bot = JsonDocument.Parse(text).RootElement;
        Assert.Equal([.. BotFields, "ingest_key"], bot.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(telegramBotId, bot.GetProperty("bot_id").GetInt64());
        Assert.Equal(owner, bot.GetProperty("admin_id").GetInt64());
        Assert.Equal(0, bot.GetProperty("balance").GetDecimal());
        Assert.Equal("active", bot.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, bot.GetProperty("username").ValueKind);
        Assert.Equal(JsonValueKind.Null, bot.GetProperty("meta").ValueKind);
        Assert.StartsWith("cgik_", bot.GetProperty("ingest_key").GetString(), StringComparison.Ordinal);

        var list = await client.GetAsync("/api/bots");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var bots = (await list.ReadJsonAsync()).EnumerateArray().ToList();
        var listed = Assert.Single(bots);
        Assert.Equal(BotFields, listed.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(bot.GetProperty("uid").GetInt64(), listed.GetProperty("uid").GetInt64());

        // Another owner sees none of it.
        var stranger = await host.SignInAsync(host.NewTelegramId());
        Assert.Empty((await (await stranger.GetAsync("/api/bots")).ReadJsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_bot_registers_once()
    {
        var client = await host.SignInAsync(host.NewTelegramId());
        var token = host.NewBotToken();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/bots", Body(new { bot_token = token }))).StatusCode);

        var again = await (await host.SignInAsync(host.NewTelegramId())).PostAsync("/api/bots", Body(new { bot_token = token }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("This bot is already registered", (await again.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{"bot_token":"not-a-token"}""")]
    [InlineData("""{"bot_token":"12345:short"}""")]
    [InlineData("""{"bot_token":""}""")]
    [InlineData("""{}""")]
    [InlineData("""{"bot_token":12345}""")]
    public async Task A_malformed_token_is_a_fastapi_validation_error(string body)
    {
        var client = await host.SignInAsync(host.NewTelegramId());
        var response = await client.PostAsync("/api/bots", Body(body));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.ReadJsonAsync()).GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task Without_a_token_every_route_is_401_in_the_fastapi_dialect()
    {
        var anonymous = host.CreateClient();
        foreach (var response in new[]
                 {
                     await anonymous.GetAsync("/api/bots"),
                     await anonymous.PostAsync("/api/bots", Body(new { bot_token = host.NewBotToken() })),
                     await anonymous.PostAsync("/api/bots/1/ingest-key", null),
                 })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(JsonValueKind.String, (await response.ReadJsonAsync()).GetProperty("detail").ValueKind);
        }

        var garbage = host.CreateClient().WithBearer("not.a.jwt");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/api/bots")).StatusCode);
    }

    [Fact]
    public async Task An_account_without_a_telegram_identity_owns_no_bots_and_cannot_register_one()
    {
        var client = host.CreateClientFor((await host.CreateClient().RegisterGameClientAsync()).AccountId);
        Assert.Empty((await (await client.GetAsync("/api/bots")).ReadJsonAsync()).EnumerateArray());

        var response = await client.PostAsync("/api/bots", Body(new { bot_token = host.NewBotToken() }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Sign in with Telegram to register a bot", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Only_the_owner_rotates_the_ingest_key_and_the_old_key_stops_working()
    {
        var owner = await host.SignInAsync(host.NewTelegramId());
        var bot = await (await owner.PostAsync("/api/bots", Body(new { bot_token = host.NewBotToken() }))).ReadJsonAsync();
        var uid = bot.GetProperty("uid").GetInt64();
        var oldKey = bot.GetProperty("ingest_key").GetString()!;

        var stranger = await host.SignInAsync(host.NewTelegramId());
        foreach (var path in new[] { $"/api/bots/{uid}/ingest-key", "/api/bots/987654321/ingest-key" })
        {
            var refused = await stranger.PostAsync(path, null);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("""{"detail":"Access denied to this bot"}""", await refused.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await owner.PostAsync("/api/bots/abc/ingest-key", null)).StatusCode);

        var rotated = await owner.PostAsync($"/api/bots/{uid}/ingest-key", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = await rotated.ReadJsonAsync();
        Assert.Equal(["ingest_key"], body.EnumerateObject().Select(p => p.Name).ToArray());
        var newKey = body.GetProperty("ingest_key").GetString()!;
        Assert.NotEqual(oldKey, newKey);

        var ingest = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await IngestAsync(ingest, oldKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await IngestAsync(ingest, newKey)).StatusCode);
    }

    private static Task<HttpResponseMessage> IngestAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Body("""{"users":[]}""") };
        request.Headers.Add("X-Ingest-Key", key);
        return client.SendAsync(request);
    }
}
