using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.BotAnalytics;

/// <summary>Seed 003 <c>GET /api/users</c>, <c>/api/payments</c>, <c>/api/subscriptions</c>: shapes, order, filters, paging and the owner rule.</summary>
public sealed class RecordListsTests(BotAnalyticsHost host) : IClassFixture<BotAnalyticsHost>
{
    private const string Batch = """
        {
          "users": [
            {"user_id": 1, "username": "first", "reg_date": "2024-01-01T09:00:00Z", "ref_percent": 5, "meta": {"lang": "ru"}},
            {"user_id": 2, "reg_date": "2024-01-03T09:00:00Z"},
            {"user_id": 3, "username": "third", "reg_date": "2024-01-02T09:00:00Z"}
          ],
          "payments": [
            {"bill_id": "p-1", "user_id": 1, "amount": 199.99, "currency": "RUB", "status": "PAID", "provider": "yookassa", "date": "2024-01-05T23:59:59Z", "kind": "subscription"},
            {"bill_id": "p-2", "user_id": 2, "amount": 100, "currency": "RUB", "status": "PAID", "date": "2024-01-06T00:00:00Z", "kind": "renewal"},
            {"bill_id": "p-3", "date": "2024-01-04T12:00:00Z"}
          ],
          "subscriptions": [
            {"sub_uid": "s-1", "uid": 11, "user_id": 1, "status": "Active", "start_date": "2024-01-05T10:00:00Z", "stop_date": "2024-02-05T10:00:00Z", "keys": 2, "meta": {"plan": "m"}},
            {"sub_uid": "s-2", "user_id": 2, "status": "Expired", "start_date": "2024-01-06T10:00:00Z", "is_trial": true},
            {"sub_uid": "s-3", "user_id": 3, "status": "Active", "start_date": "2024-01-07T10:00:00Z"}
          ]
        }
        """;

    [Fact]
    public async Task Users_come_newest_first_in_the_seed_shape_with_nulls_present()
    {
        var (owner, uid) = await BotWithRecordsAsync();
        var response = await owner.GetAsync($"/api/users?bot_id={uid}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        Assert.Equal(["users", "total", "page", "limit"], page.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((3, 1, 100), (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("limit").GetInt32()));
        var users = page.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal([2L, 3L, 1L], users.Select(u => u.GetProperty("user_id").GetInt64()).ToArray());
        Assert.Equal(["uid", "user_id", "username", "reg_date", "ref_percent", "meta"], users[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, users[0].GetProperty("username").ValueKind);
        Assert.Equal(JsonValueKind.Null, users[0].GetProperty("meta").ValueKind);
        Assert.Equal("2024-01-01T09:00:00+00:00", users[2].GetProperty("reg_date").GetString());
        Assert.Equal("ru", users[2].GetProperty("meta").GetProperty("lang").GetString());
        Assert.Equal(5, users[2].GetProperty("ref_percent").GetInt32());

        var second = await (await owner.GetAsync($"/api/users?bot_id={uid}&page=2&limit=2")).ReadJsonAsync();
        Assert.Equal([1L], second.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("user_id").GetInt64()).ToArray());
        Assert.Equal((3, 2, 2), (second.GetProperty("total").GetInt32(), second.GetProperty("page").GetInt32(), second.GetProperty("limit").GetInt32()));
    }

    [Fact]
    public async Task Payments_filter_by_whole_calendar_days_newest_first()
    {
        var (owner, uid) = await BotWithRecordsAsync();
        var all = await (await owner.GetAsync($"/api/payments?bot_id={uid}")).ReadJsonAsync();
        Assert.Equal(["p-2", "p-1", "p-3"], all.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("bill_id").GetString()!).ToArray());
        var first = all.GetProperty("payments")[1];
        Assert.Equal(["bill_id", "user_id", "amount", "currency", "status", "provider", "date", "kind", "meta"], first.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(199.99m, first.GetProperty("amount").GetDecimal());
        Assert.Equal("2024-01-05T23:59:59+00:00", first.GetProperty("date").GetString());
        var bare = all.GetProperty("payments")[2];
        Assert.All(["user_id", "amount", "currency", "status", "provider", "meta"], name => Assert.Equal(JsonValueKind.Null, bare.GetProperty(name).ValueKind));
        Assert.Equal("other", bare.GetProperty("kind").GetString());

        var oneDay = await (await owner.GetAsync($"/api/payments?bot_id={uid}&start_date=2024-01-05&end_date=2024-01-05")).ReadJsonAsync();
        Assert.Equal(["p-1"], oneDay.GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("bill_id").GetString()!).ToArray());
        Assert.Equal(1, oneDay.GetProperty("total").GetInt32());

        var from = await (await owner.GetAsync($"/api/payments?bot_id={uid}&start_date=2024-01-05")).ReadJsonAsync();
        Assert.Equal(2, from.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Subscriptions_filter_by_status_newest_start_first()
    {
        var (owner, uid) = await BotWithRecordsAsync();
        var active = await (await owner.GetAsync($"/api/subscriptions?bot_id={uid}&status=Active")).ReadJsonAsync();
        var items = active.GetProperty("subscriptions").EnumerateArray().ToList();
        Assert.Equal(["s-3", "s-1"], items.Select(s => s.GetProperty("sub_uid").GetString()!).ToArray());
        Assert.Equal(["uid", "sub_uid", "user_id", "status", "start_date", "stop_date", "meta", "keys", "is_trial"], items[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("stop_date").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("uid").ValueKind);
        Assert.Equal(11, items[1].GetProperty("uid").GetInt64());
        Assert.Equal(2, items[1].GetProperty("keys").GetInt32());
        Assert.Equal("2024-02-05T10:00:00+00:00", items[1].GetProperty("stop_date").GetString());

        var all = await (await owner.GetAsync($"/api/subscriptions?bot_id={uid}")).ReadJsonAsync();
        Assert.Equal(3, all.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/users?bot_id={0}&limit=0", "limit")]
    [InlineData("/api/users?bot_id={0}&limit=1001", "limit")]
    [InlineData("/api/users?bot_id={0}&page=0", "page")]
    [InlineData("/api/users?bot_id={0}&page=11&limit=1000", "page")]
    [InlineData("/api/users", "bot_id")]
    [InlineData("/api/users?bot_id=abc", "bot_id")]
    [InlineData("/api/payments?bot_id={0}&start_date=2024-01-10&end_date=2024-01-09", "end_date")]
    [InlineData("/api/payments?bot_id={0}&start_date=2024-01-01&end_date=2025-01-01", "end_date")]
    [InlineData("/api/payments?bot_id={0}&start_date=yesterday", "start_date")]
    [InlineData("/api/subscriptions?bot_id={0}&limit=5000", "limit")]
    public async Task Bad_query_parameters_are_fastapi_422s_on_the_query(string path, string field)
    {
        var (owner, uid) = await BotWithRecordsAsync();
        var response = await owner.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, uid));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        Assert.Contains(detail.EnumerateArray(), d => d.GetProperty("loc")[0].GetString() == "query" && d.GetProperty("loc")[1].GetString() == field);
    }

    [Fact]
    public async Task A_full_366_day_range_and_the_largest_page_are_accepted()
    {
        var (owner, uid) = await BotWithRecordsAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/payments?bot_id={uid}&start_date=2024-01-01&end_date=2024-12-31&limit=1000&page=10")).StatusCode);
    }

    [Fact]
    public async Task Another_owners_bot_or_a_missing_one_is_403_access_denied()
    {
        var (_, uid) = await BotWithRecordsAsync();
        var stranger = await host.SignInAsync(host.NewTelegramId());
        foreach (var path in new[] { $"/api/users?bot_id={uid}", $"/api/payments?bot_id={uid}", $"/api/subscriptions?bot_id={uid}", "/api/users?bot_id=99999999" })
        {
            var response = await stranger.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("""{"detail":"Access denied to this bot"}""", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync($"/api/users?bot_id={uid}")).StatusCode);
    }

    private async Task<(HttpClient Owner, long Uid)> BotWithRecordsAsync()
    {
        var owner = await host.SignInAsync(host.NewTelegramId());
        var bot = await (await owner.PostAsync("/api/bots", Body(new { bot_token = host.NewBotToken() }))).ReadJsonAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Body(Batch) };
        request.Headers.Add("X-Ingest-Key", bot.GetProperty("ingest_key").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().SendAsync(request)).StatusCode);
        return (owner, bot.GetProperty("uid").GetInt64());
    }
}
