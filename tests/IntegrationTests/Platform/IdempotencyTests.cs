using System.Net;
using System.Text;
using System.Text.Json;
using CleanGames.Application.Common.Idempotency;
using CleanGames.Application.Common.Idempotency.Commands.PurgeIdempotencyKeys;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Persistence.Idempotency;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>The <c>Idempotency-Key</c> header over real HTTP, on Mafia's lobby creation (<c>[Idempotent]</c>).</summary>
public sealed class IdempotencyTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private const string CreateLobby = "/api/matchmaking/lobby/create";

    private static long _nextAccount = 9_100_000;

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_response_and_creates_nothing()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);

        using var first = await PostAsync(client, "key-1", """{"mode":"classic","max_players":8}""");
        using var second = await PostAsync(client, "key-1", """{"mode":"classic","max_players":8}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyRules.ReplayedHeaderName));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues(IdempotencyRules.ReplayedHeaderName)));
        Assert.Equal(first.Content.Headers.ContentType?.ToString(), second.Content.Headers.ContentType?.ToString());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        AssertProperties(await second.ReadJsonAsync(), "invite_code", "lobby_id");
        Assert.Equal(1, await LobbiesCreatedByAsync(account));
    }

    [Fact]
    public async Task The_effect_is_marked_applied_in_the_handlers_save_and_the_response_kept()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);

        using var response = await PostAsync(client, "applied", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(await RecordsOfAsync(account));
        Assert.True(record.Applied);
        Assert.Equal(200, record.ResponseStatus);
        Assert.Equal("POST /api/matchmaking/lobby/create", record.Route);
        Assert.Equal(await response.Content.ReadAsByteArrayAsync(), record.ResponseBody);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422_and_changes_nothing()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);
        using var first = await PostAsync(client, "key-2", """{"mode":"classic"}""");

        using var other = await PostAsync(client, "key-2", """{"mode":"classic","max_players":6}""");
        using var query = await PostAsync(client, "key-2", """{"mode":"classic"}""", "?x=1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var refused in new[] { other, query })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.False(refused.Headers.Contains(IdempotencyRules.ReplayedHeaderName));
            Assert.Contains("Idempotency-Key was already used with another request", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        }

        Assert.Equal(1, await LobbiesCreatedByAsync(account));
    }

    [Fact]
    public async Task Another_account_with_the_same_key_runs_on_its_own()
    {
        var (a, b) = (NextAccount(), NextAccount());
        using var clientA = host.CreateClientFor(a);
        using var clientB = host.CreateClientFor(b);

        using var first = await PostAsync(clientA, "shared-key", "{}");
        using var second = await PostAsync(clientB, "shared-key", "{}");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(second.Headers.Contains(IdempotencyRules.ReplayedHeaderName));
        Assert.NotEqual((await first.ReadJsonAsync()).GetProperty("lobby_id").GetString(), (await second.ReadJsonAsync()).GetProperty("lobby_id").GetString());
        Assert.Equal(1, await LobbiesCreatedByAsync(a));
        Assert.Equal(1, await LobbiesCreatedByAsync(b));
    }

    [Fact]
    public async Task Without_the_header_the_route_behaves_as_before_and_keeps_nothing()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);

        using var first = await client.PostAsync(CreateLobby, null);
        using var second = await client.PostAsync(CreateLobby, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.False(second.Headers.Contains(IdempotencyRules.ReplayedHeaderName));
        Assert.Empty(await RecordsOfAsync(account));
    }

    [Fact]
    public async Task A_refusal_that_records_a_decision_is_replayed_too()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(CreateLobby, null)).StatusCode);

        using var refused = await PostAsync(client, "after-seat", "{}");
        using var replayed = await PostAsync(client, "after-seat", "{}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);
        Assert.Equal("true", Assert.Single(replayed.Headers.GetValues(IdempotencyRules.ReplayedHeaderName)));
        Assert.Equal(await refused.Content.ReadAsByteArrayAsync(), await replayed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_requests_with_one_key_create_one_lobby_and_the_rest_wait_or_replay()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(client, "burst", """{"max_players":10}""")));

        var bodies = new List<string>();
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal("A request with this Idempotency-Key is still in progress; retry once it has finished.", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
                Assert.NotNull(response.Headers.RetryAfter);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                bodies.Add(body);
            }

            response.Dispose();
        }

        Assert.NotEmpty(bodies);
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await LobbiesCreatedByAsync(account));

        using var after = await PostAsync(client, "burst", """{"max_players":10}""");
        Assert.Equal(bodies[0], await after.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\tinside")]
    [InlineData("256")]
    public async Task A_malformed_key_is_the_routes_validation_error_and_runs_nothing(string key)
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);
        key = key == "256" ? new string('k', 256) : key;

        using var response = await PostAsync(client, key, "{}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var item = Assert.Single((await response.ReadJsonAsync()).GetProperty("detail").EnumerateArray());
        Assert.Equal("""["header","Idempotency-Key"]""", item.GetProperty("loc").GetRawText());
        Assert.Contains("Idempotency-Key", item.GetProperty("msg").GetString());
        Assert.Equal(0, await LobbiesCreatedByAsync(account));
        Assert.Empty(await RecordsOfAsync(account));
    }

    [Fact]
    public async Task A_reservation_left_by_a_request_that_died_blocks_until_the_takeover_time_then_runs()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);
        const string body = """{"mode":"classic"}""";
        var now = host.Clock.GetUtcNow();
        await InsertAsync(account, "dead", body, reservedAt: now.AddSeconds(-10));

        using var waiting = await PostAsync(client, "dead", body);
        Assert.Equal(HttpStatusCode.Conflict, waiting.StatusCode);
        Assert.Equal(0, await LobbiesCreatedByAsync(account));

        await UpdateAsync(account, r => r.ReservedAt = now.AddSeconds(-61));
        using var taken = await PostAsync(client, "dead", body);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(1, await LobbiesCreatedByAsync(account));
    }

    [Fact]
    public async Task A_key_whose_effect_was_saved_without_its_response_is_never_run_again()
    {
        var account = NextAccount();
        using var client = host.CreateClientFor(account);
        await InsertAsync(account, "lost", "{}", reservedAt: host.Clock.GetUtcNow().AddHours(-1), applied: true);

        using var response = await PostAsync(client, "lost", "{}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("its response was not kept", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await LobbiesCreatedByAsync(account));
    }

    [Fact]
    public async Task A_request_whose_key_was_taken_over_cannot_save_its_effect_and_the_holder_saves_it_with_the_mark()
    {
        var account = NextAccount();
        await InsertAsync(account, "fenced", "{}", reservedAt: host.Clock.GetUtcNow());
        var record = Assert.Single(await RecordsOfAsync(account));

        await using (var stale = host.Services.CreateAsyncScope())
        {
            stale.ServiceProvider.GetRequiredService<IdempotencyReservation>().Hold(record.Id, Guid.NewGuid());
            var lobbies = stale.ServiceProvider.GetRequiredService<CleanGames.Application.Common.Abstractions.IRepository<CleanGames.Domain.Mafia.Lobbies.Lobby>>();
            await lobbies.AddAsync(NewLobby(account));
            await Assert.ThrowsAsync<CleanGames.Application.Common.Errors.ConcurrencyConflictException>(() => lobbies.SaveChangesAsync());
        }

        Assert.Equal(0, await LobbiesCreatedByAsync(account));
        Assert.False(Assert.Single(await RecordsOfAsync(account)).Applied);

        await using (var holder = host.Services.CreateAsyncScope())
        {
            holder.ServiceProvider.GetRequiredService<IdempotencyReservation>().Hold(record.Id, record.Lease);
            var lobbies = holder.ServiceProvider.GetRequiredService<CleanGames.Application.Common.Abstractions.IRepository<CleanGames.Domain.Mafia.Lobbies.Lobby>>();
            await lobbies.AddAsync(NewLobby(account));
            await lobbies.SaveChangesAsync();
        }

        Assert.Equal(1, await LobbiesCreatedByAsync(account));
        Assert.True(Assert.Single(await RecordsOfAsync(account)).Applied);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_optional_header_and_the_statuses_it_adds()
    {
        using var client = host.CreateClient();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var operation = document.GetProperty("paths").GetProperty(CreateLobby).GetProperty("post");

        var header = Assert.Single(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == IdempotencyRules.HeaderName);
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("409", out _));
        Assert.True(responses.TryGetProperty("422", out _));

        var other = document.GetProperty("paths").GetProperty("/api/matchmaking/lobby/join/{inviteCode}").GetProperty("post");
        Assert.False(other.TryGetProperty("parameters", out var parameters)
                     && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == IdempotencyRules.HeaderName));
    }

    [Fact]
    public async Task The_hourly_purge_is_scheduled()
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(IdempotencyPurgeJob.Key));
        Assert.NotEmpty(await scheduler.GetTriggersOfJob(IdempotencyPurgeJob.Key));
    }

    private static long NextAccount() => Interlocked.Increment(ref _nextAccount);

    private static CleanGames.Domain.Mafia.Lobbies.Lobby NewLobby(long owner) =>
        CleanGames.Domain.Mafia.Lobbies.Lobby.Create(Guid.NewGuid(), "FENCE" + (owner % 1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture), "classic", 6,
            new CleanGames.Application.Mafia.Lobbies.Common.LobbySettingsInput().ToSettings(), owner, DateTimeOffset.UtcNow);

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string body, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, CreateLobby + query) { Content = Body(body) };
        request.Headers.TryAddWithoutValidation(IdempotencyRules.HeaderName, key);
        return await client.SendAsync(request);
    }

    internal static async Task<int> LobbiesCreatedByAsync(CleanGamesHost host, long account)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.MafiaLobbies.CountAsync(l => l.CreatedBy == account);
    }

    internal static async Task<List<IdempotencyRecord>> RecordsOfAsync(CleanGamesHost host, long account)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.Set<IdempotencyRecord>().AsNoTracking().Where(r => r.AccountId == account).ToListAsync();
    }

    private Task<int> LobbiesCreatedByAsync(long account) => LobbiesCreatedByAsync(host, account);

    private Task<List<IdempotencyRecord>> RecordsOfAsync(long account) => RecordsOfAsync(host, account);

    private async Task InsertAsync(long account, string key, string body, DateTimeOffset reservedAt, bool applied = false)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.Add(new IdempotencyRecord
        {
            Id = Guid.NewGuid(),
            AccountId = account,
            Route = "POST /api/matchmaking/lobby/create",
            Key = key,
            Fingerprint = await IdempotencyRules.FingerprintAsync(string.Empty, new MemoryStream(Encoding.UTF8.GetBytes(body)), default),
            Lease = Guid.NewGuid(),
            ReservedAt = reservedAt,
            ExpiresAt = reservedAt.AddHours(24),
            Applied = applied,
        });
        await db.SaveChangesAsync();
    }

    private async Task UpdateAsync(long account, Action<IdempotencyRecord> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var record = await db.Set<IdempotencyRecord>().SingleAsync(r => r.AccountId == account);
        change(record);
        await db.SaveChangesAsync();
    }
}

/// <summary>Keys past their retention, on a host of their own because the test moves its clock a day ahead.</summary>
public sealed class IdempotencyExpiryTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task An_expired_key_no_longer_replays_and_the_purge_deletes_it()
    {
        const long account = 9_200_001;
        using (var client = host.CreateClientFor(account))
        {
            using var first = await IdempotencyTests.PostAsync(client, "day-old", "{}");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            Assert.Equal(1, await mediator.Send(new PurgeIdempotencyKeysCommand()));
            Assert.Equal(0, await mediator.Send(new PurgeIdempotencyKeysCommand()));
        }

        Assert.Empty(await IdempotencyTests.RecordsOfAsync(host, account));

        // JWT lifetimes are checked on the real clock, so the token for the moved day is issued as of real time.
        var token = host.Services.GetRequiredService<CleanGames.Application.Common.Abstractions.IAccessTokenIssuer>()
            .Issue(account, [], DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N")).Token;
        using var later = host.CreateClient();
        later.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var again = await IdempotencyTests.PostAsync(later, "day-old", "{}");
        Assert.False(again.Headers.Contains(IdempotencyRules.ReplayedHeaderName));
        Assert.True(again.StatusCode == HttpStatusCode.Conflict, $"{(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}");
        Assert.Equal(1, await IdempotencyTests.LobbiesCreatedByAsync(host, account));
    }
}
