using CleanGames.Application.BotAnalytics.Records.Common;
using System.Net;
using System.Text.RegularExpressions;
using Ardalis.Specification;
using AutoMapper;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Identity.Queries.GetRoleAudit;
using CleanGames.Application.Identity.Queries.SearchAccounts;
using CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;
using CleanGames.Application.Mafia.Games.Queries.ListActiveGames;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Persistence.Specifications;
using CleanGames.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>
/// Every paged route keeps to the result window (page × per_page ≤ 10 000): a page beyond it is
/// refused as the route's dialect refuses invalid input, a page inside it but past the end is
/// empty, and the rows a page reads come from an index in the page's order.
/// </summary>
public sealed partial class PagingTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
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

    [Fact]
    public async Task The_rows_a_page_reads_come_from_an_index_in_the_pages_order()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var mapping = scope.ServiceProvider.GetRequiredService<IMapper>().ConfigurationProvider;
        var last = new PageRequest(PageRequest.LastPage(100), 100);

        var ranking = await PlanAsync(db, new KitchenStandingsSpec(last.End));
        Assert.Contains("USING INDEX IX_kitchen_sessions_ranking", ranking);

        var active = await PlanAsync(db, new ActiveGamesSpec(mapping, last.Skip, last.PageSize));
        Assert.Contains("USING INDEX IX_mafia_games_active", active);

        var accounts = await PlanAsync(db, new AccountSearchSpec(mapping, null, last.Skip, last.PageSize + 1));
        var audit = await PlanAsync(db, new RoleAuditNewestFirstSpec(last.Skip, last.PageSize + 1));

        // Seed 003's lists, at their deepest page of their largest size, per bot in each list's order.
        var dashboard = new PageRequest(PageRequest.LastPage(PageLimits.Dashboard.MaxSize), PageLimits.Dashboard.MaxSize, PageLimits.Dashboard);
        var botUsers = await PlanAsync(db, new BotUsersPageSpec(mapping, 1, dashboard.Skip, dashboard.PageSize));
        Assert.Contains("USING INDEX IX_bot_analytics_users_bot_reg_date", botUsers);
        var payments = await PlanAsync(db, new PaymentsPageSpec(mapping, 1, null, null, dashboard.Skip, dashboard.PageSize));
        Assert.Contains("USING INDEX IX_bot_analytics_payments_bot_date", payments);
        var subscriptions = await PlanAsync(db, new SubscriptionsPageSpec(mapping, 1, null, dashboard.Skip, dashboard.PageSize));
        Assert.Contains("USING INDEX IX_bot_analytics_subscriptions_bot_start_date", subscriptions);

        foreach (var plan in new[] { ranking, active, accounts, audit, botUsers, payments, subscriptions })
        {
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }

    private static Task<string> PlanAsync<T, TResult>(ApplicationDbContext db, ISpecification<T, TResult> specification)
        where T : class =>
        ExplainAsync(db, SpecificationEvaluator.GetQuery(db.Set<T>(), specification).ToQueryString());

    private static Task<string> PlanAsync<T>(ApplicationDbContext db, ISpecification<T> specification)
        where T : class =>
        ExplainAsync(db, SpecificationEvaluator.GetQuery(db.Set<T>(), specification).ToQueryString());

    /// <summary>
    /// SQLite's plan for the SQL EF generates: <c>ToQueryString</c> lists the parameters as
    /// <c>.param set</c> lines, then the statement, then (for split queries) a note.
    /// </summary>
    private static async Task<string> ExplainAsync(ApplicationDbContext db, string queryString)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new List<string>();
            foreach (var line in queryString.Split('\n'))
            {
                if (ParamLine().Match(line) is { Success: true } param)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = param.Groups[1].Value;
                    parameter.Value = long.Parse(param.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                    command.Parameters.Add(parameter);
                }
                else if (line.Trim().Length > 0)
                {
                    sql.Add(line);
                }
                else if (sql.Count > 0)
                {
                    // The first statement ends here; what follows is EF's note on split queries.
                    break;
                }
            }

            command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql).Trim();
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(reader.GetOrdinal("detail")));
            }

            return string.Join('\n', plan);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [GeneratedRegex(@"^\.param set (@\w+) (-?\d+)\s*$")]
    private static partial Regex ParamLine();
}
