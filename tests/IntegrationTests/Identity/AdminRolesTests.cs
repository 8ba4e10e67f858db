using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

/// <summary>
/// The bootstrap admin, the admin API that grants and revokes roles (Problem Details dialect), the
/// role audit log, and admin-only requests checked against the stored roles.
/// </summary>
public sealed class AdminRolesTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private static readonly string[] ProblemFields = ["type", "title", "status", "detail", "instance", "code", "request_id", "errors"];

    [Fact]
    public async Task The_bootstrap_admin_signs_in_with_the_admin_role_and_the_bootstrap_is_audited()
    {
        using var admin = await SignInAsync(CleanGamesHost.AdminEmail, CleanGamesHost.AdminPassword);

        var found = await admin.GetAsync("/api/admin/accounts?search=" + Uri.EscapeDataString(CleanGamesHost.AdminEmail));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await found.ReadJsonAsync();
        AssertProperties(body, "accounts", "page", "per_page", "has_more");
        var account = Assert.Single(body.GetProperty("accounts").EnumerateArray());
        AssertProperties(account, "id", "email", "username", "display_name", "telegram_id", "telegram_username", "roles", "status", "is_bootstrap_admin", "created_at", "last_login_at");
        Assert.Equal(host.AdminId, account.GetProperty("id").GetInt64());
        Assert.Equal(["user", "admin"], Roles(account));
        Assert.True(account.GetProperty("is_bootstrap_admin").GetBoolean());

        var audit = await EntriesAsync(admin);
        var bootstrap = Assert.Single(audit, e => e.GetProperty("action").GetString() == "bootstrap");
        Assert.Equal(host.AdminId, bootstrap.GetProperty("target_account_id").GetInt64());
        Assert.Equal(JsonValueKind.Null, bootstrap.GetProperty("actor_account_id").ValueKind);
        Assert.Equal(["admin"], Roles(bootstrap));
    }

    [Fact]
    public async Task An_admin_grants_moderator_and_the_grant_is_audited_with_actor_target_roles_time_and_address()
    {
        using var admin = await SignInAsync(CleanGamesHost.AdminEmail, CleanGamesHost.AdminPassword);
        var (userId, _, _, _) = await host.CreateClient().RegisterGameClientAsync();

        var granted = await admin.PutAsync($"/api/admin/accounts/{userId}/roles", Body(new { roles = new[] { "moderator" } }));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var view = await granted.ReadJsonAsync();
        Assert.Equal(userId, view.GetProperty("id").GetInt64());
        Assert.Equal(["user", "moderator"], Roles(view));

        // The same request again changes nothing, and writes no second line.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/accounts/{userId}/roles", Body(new { roles = new[] { "user", "moderator" } }))).StatusCode);

        var lines = (await EntriesAsync(admin)).Where(e => e.GetProperty("target_account_id").GetInt64() == userId).ToList();
        var line = Assert.Single(lines);
        Assert.Equal("grant", line.GetProperty("action").GetString());
        Assert.Equal(host.AdminId, line.GetProperty("actor_account_id").GetInt64());
        Assert.Equal(["moderator"], Roles(line));
        Assert.Equal("127.0.0.1", line.GetProperty("client_address").GetString());
        Assert.True(DateTimeOffset.UtcNow - line.GetProperty("at").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_revoked_admin_is_refused_at_once_with_the_token_that_still_claims_the_role()
    {
        using var admin = await SignInAsync(CleanGamesHost.AdminEmail, CleanGamesHost.AdminPassword);
        var (deputyId, deputyName, _, deputyPassword) = await host.CreateClient().RegisterGameClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/accounts/{deputyId}/roles", Body(new { roles = new[] { "admin" } }))).StatusCode);

        using var deputy = await SignInAsync(deputyName, deputyPassword);
        Assert.Equal(HttpStatusCode.OK, (await deputy.GetAsync("/api/admin/accounts")).StatusCode);

        var revoked = await admin.PutAsync($"/api/admin/accounts/{deputyId}/roles", Body(new { roles = Array.Empty<string>() }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(["user"], Roles(await revoked.ReadJsonAsync()));

        var refused = await deputy.GetAsync("/api/admin/accounts");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        // Every admin-only use case checks the store, not only this API: Mafia's admin end of a game too.
        var mafiaAdmin = await deputy.PostAsync($"/api/game/admin/{Guid.NewGuid()}/end?winner_team=mafia", null);
        Assert.Equal(HttpStatusCode.Forbidden, mafiaAdmin.StatusCode);
        AssertProperties(await mafiaAdmin.ReadJsonAsync(), "detail");

        var revokeLine = (await EntriesAsync(admin)).First(e => e.GetProperty("target_account_id").GetInt64() == deputyId);
        Assert.Equal("revoke", revokeLine.GetProperty("action").GetString());
        Assert.Equal(["admin"], Roles(revokeLine));
    }

    [Fact]
    public async Task Registering_the_bootstrap_email_is_refused_and_an_email_never_makes_an_admin()
    {
        var taken = await host.CreateClient().PostAsync("/auth/register", Body(new { email = "ADMIN@cleangames.test", username = Accounts.UniqueName(), password = "password123" }));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        var (_, name, _, password) = await host.CreateClient().RegisterGameClientAsync();
        using var user = await SignInAsync(name, password);
        var refused = await user.GetAsync("/api/admin/accounts");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task Bad_role_requests_get_problem_details_and_change_nothing()
    {
        using var admin = await SignInAsync(CleanGamesHost.AdminEmail, CleanGamesHost.AdminPassword);
        var (userId, _, _, _) = await host.CreateClient().RegisterGameClientAsync();

        var unknownRole = await admin.PutAsync($"/api/admin/accounts/{userId}/roles", Body(new { roles = new[] { "superuser" } }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.Equal("application/problem+json", unknownRole.Content.Headers.ContentType?.MediaType);
        var problem = await unknownRole.ReadJsonAsync();
        AssertProperties(problem, ProblemFields);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"/api/admin/accounts/{userId}/roles", Body("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"/api/admin/accounts/{userId}/roles", Body("{\"roles\": \"admin\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync($"/api/admin/accounts/{userId}/roles", Body("{\"roles\": ["))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsync("/api/admin/accounts/999999999/roles", Body(new { roles = new[] { "moderator" } }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/accounts?per_page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/admin/accounts?search=" + new string('a', 101))).StatusCode);

        // An admin cannot demote themselves (another admin can), so the last admin cannot lock everyone out.
        var self = await admin.PutAsync($"/api/admin/accounts/{host.AdminId}/roles", Body(new { roles = new[] { "moderator" } }));
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        var conflict = await self.ReadJsonAsync();
        AssertProperties(conflict, ProblemFields);
        Assert.Equal("identity.roles.self_demotion", conflict.GetProperty("code").GetString());

        var account = Assert.Single((await (await admin.GetAsync($"/api/admin/accounts?search={userId}")).ReadJsonAsync()).GetProperty("accounts").EnumerateArray(), a => a.GetProperty("id").GetInt64() == userId);
        Assert.Equal(["user"], Roles(account));
        Assert.DoesNotContain(await EntriesAsync(admin), e => e.GetProperty("target_account_id").GetInt64() == userId);
        Assert.Contains("admin", Roles(Assert.Single((await (await admin.GetAsync("/api/admin/accounts?search=" + Uri.EscapeDataString(CleanGamesHost.AdminEmail))).ReadJsonAsync()).GetProperty("accounts").EnumerateArray())));
    }

    [Fact]
    public async Task A_moderator_is_not_an_admin()
    {
        using var admin = await SignInAsync(CleanGamesHost.AdminEmail, CleanGamesHost.AdminPassword);
        var (modId, modName, _, modPassword) = await host.CreateClient().RegisterGameClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/accounts/{modId}/roles", Body(new { roles = new[] { "moderator" } }))).StatusCode);

        using var moderator = await SignInAsync(modName, modPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PutAsync($"/api/admin/accounts/{modId}/roles", Body(new { roles = new[] { "admin" } }))).StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string login, string password)
    {
        var token = (await host.CreateClient().LoginGameClientAsync(login, password)).GetProperty("token").GetString()!;
        return host.CreateClient().WithBearer(token);
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/api/admin/audit?per_page=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        AssertProperties(body, "entries", "page", "per_page", "has_more");
        var entries = body.GetProperty("entries").EnumerateArray().ToList();
        Assert.All(entries, e => AssertProperties(e, "id", "at", "action", "actor_account_id", "target_account_id", "roles", "client_address"));
        return entries;
    }

    private static string[] Roles(JsonElement element) => element.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();
}

/// <summary>An account someone registered with the email later configured as the bootstrap admin's.</summary>
public sealed class SquattedBootstrapEmailTests
{
    private const string Squatted = "squatter@example.com";

    [Fact]
    public async Task An_account_registered_with_the_bootstrap_email_gets_no_role_and_the_start_logs_an_error()
    {
        var directory = Directory.CreateTempSubdirectory("cleangames-squat-");
        var database = Path.Combine(directory.FullName, "cleangames.db");
        try
        {
            string squatterName;
            await using (var first = new SharedFileHost(database, bootstrapEmail: null))
            {
                await first.InitializeAsync();
                squatterName = Accounts.UniqueName();
                var registered = await first.CreateClient().PostAsync("/auth/register", Body(new { email = Squatted, username = squatterName, password = "password123" }));
                Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
            }

            await using var second = new SharedFileHost(database, Squatted);
            await second.InitializeAsync();
            var token = (await second.CreateClient().LoginGameClientAsync(squatterName, "password123")).GetProperty("token").GetString()!;
            Assert.Equal(HttpStatusCode.Forbidden, (await second.CreateClient().WithBearer(token).GetAsync("/api/admin/accounts")).StatusCode);
            Assert.Contains(second.Log.Lines, l => l.Contains("Identity:BootstrapAdmin:Email belongs to an account that was registered", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private sealed class SharedFileHost(string databasePath, string? bootstrapEmail) : CleanGamesHost(databasePath)
    {
        public CapturedLog Log { get; } = new();

        protected override void ConfigureHost(IWebHostBuilder builder)
        {
            // The first start has another bootstrap admin; the second names the squatted email.
            builder.UseSetting("Identity:BootstrapAdmin:Email", bootstrapEmail ?? AdminEmail);
            builder.ConfigureLogging(logging => logging.AddProvider(Log));
        }
    }
}
