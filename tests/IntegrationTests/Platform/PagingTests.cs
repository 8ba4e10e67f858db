using System.Net;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>
/// Every paged route keeps to the result window (page × per_page ≤ 10 000): a page beyond it is
/// refused as the route's dialect refuses invalid input, and a page inside it but past the end is
/// empty.
/// </summary>
public sealed class PagingTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private const long Player = 9_100_001;

    /// <summary>A query outside the window and the field it is refused on.</summary>
    public static TheoryData<string, string> OutsideTheWindow() => new()
    {
        { "page=21474837&per_page=100", "page" },
        { "page=2147483647&per_page=100", "page" },
        { "page=2147483647", "page" },
        { "page=101&per_page=100", "page" },
        { "page=501", "page" },
        { "page=0", "page" },
        { "page=-1", "page" },
        { "per_page=0", "per_page" },
        { "per_page=101", "per_page" },
        { "page=2&per_page=2147483647", "per_page" },
    };

    [Fact]
    public async Task The_overflowing_leaderboard_page_is_a_clicker_validation_error()
    {
        using var anonymous = host.CreateClient();

        var response = await anonymous.GetAsync("/api/kitchen/leaderboard?page=21474837&per_page=100");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        AssertProperties(body, "status", "message");
        Assert.Equal(1, body.GetProperty("status").GetInt32());
        Assert.Equal("page: Pages end at row 10000: with per_page 100 the last page is 100.", body.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(OutsideTheWindow))]
    public async Task The_leaderboard_refuses_a_page_outside_the_window_with_clicker_status_1(string query, string field)
    {
        using var anonymous = host.CreateClient();

        var response = await anonymous.GetAsync("/api/kitchen/leaderboard?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadJsonAsync();
        AssertProperties(body, "status", "message");
        Assert.Equal(1, body.GetProperty("status").GetInt32());
        Assert.StartsWith(field + ": ", body.GetProperty("message").GetString());
    }

    [Theory]
    [MemberData(nameof(OutsideTheWindow))]
    public async Task Active_games_refuse_a_page_outside_the_window_with_a_fastapi_422(string query, string field)
    {
        using var client = host.CreateClientFor(Player);

        var response = await client.GetAsync("/api/game/active?" + query);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var item = Assert.Single((await response.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        AssertProperties(item, "loc", "msg", "type");
        Assert.Equal(["query", field], item.GetProperty("loc").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("value_error.number", item.GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(OutsideTheWindow))]
    public async Task Admin_lists_refuse_a_page_outside_the_window_with_problem_details(string query, string field)
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");

        foreach (var path in new[] { "/api/admin/accounts?", "/api/admin/accounts?search=a&", "/api/admin/audit?" })
        {
            var response = await admin.GetAsync(path + query);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.ReadJsonAsync();
            Assert.Equal("validation.failed", problem.GetProperty("code").GetString());
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
    }

    [Fact]
    public async Task A_page_past_the_end_inside_the_window_is_empty_on_every_paged_route()
    {
        await using (var cook = await KitchenPlayer.RegisterAsync(host))
        {
            await cook.ConnectAsync();
        }

        using var anonymous = host.CreateClient();
        var first = await (await anonymous.GetAsync("/api/kitchen/leaderboard")).ReadJsonAsync();
        var total = first.GetProperty("total").GetInt64();
        Assert.True(total >= 1);
        Assert.NotEmpty(first.GetProperty("entries").EnumerateArray());

        // The last page of the window: 500 pages of the default 20 rows.
        var leaderboard = await anonymous.GetAsync("/api/kitchen/leaderboard?page=500");
        Assert.Equal(HttpStatusCode.OK, leaderboard.StatusCode);
        var past = await leaderboard.ReadJsonAsync();
        Assert.Equal(0, past.GetProperty("status").GetInt32());
        Assert.Empty(past.GetProperty("entries").EnumerateArray());
        Assert.Equal(total, past.GetProperty("total").GetInt64());
        Assert.Equal((500, 20), (past.GetProperty("page").GetInt32(), past.GetProperty("per_page").GetInt32()));

        using var player = host.CreateClientFor(Player);
        var games = await player.GetAsync("/api/game/active?page=100&per_page=100");
        Assert.Equal(HttpStatusCode.OK, games.StatusCode);
        var gamesPage = await games.ReadJsonAsync();
        AssertProperties(gamesPage, "games", "total", "page", "per_page");
        Assert.Empty(gamesPage.GetProperty("games").EnumerateArray());
        Assert.Equal((100, 100), (gamesPage.GetProperty("page").GetInt32(), gamesPage.GetProperty("per_page").GetInt32()));

        using var admin = host.CreateClientFor(host.AdminId, "admin");
        foreach (var (path, items) in new[] { ("/api/admin/accounts?page=10000&per_page=1", "accounts"), ("/api/admin/audit?page=100&per_page=100", "entries") })
        {
            var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            Assert.Empty(page.GetProperty(items).EnumerateArray());
            Assert.False(page.GetProperty("has_more").GetBoolean());
        }
    }
}
