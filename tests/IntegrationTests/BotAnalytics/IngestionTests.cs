using System.Net;
using System.Text.Json;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.BotAnalytics;

/// <summary><c>POST /api/ingest</c> (Problem Details): upserts by natural key, all-or-nothing batches, the cap and the key.</summary>
public sealed class IngestionTests(BotAnalyticsHost host) : IClassFixture<BotAnalyticsHost>
{
    private const string FullBatch = """
        {
          "users": [
            {"user_id": 1001, "username": "alice", "reg_date": "2024-01-05T10:15:00Z", "ref_percent": 10, "meta": {"source": "ads"}},
            {"user_id": 1002, "reg_date": "2024-01-06T08:00:00+03:00"}
          ],
          "payments": [
            {"bill_id": "bill-1", "user_id": 1001, "amount": 199.99, "currency": "RUB", "status": "PAID", "provider": "yookassa", "date": "2024-01-05T10:20:00Z", "kind": "subscription", "meta": null},
            {"bill_id": "bill-2", "user_id": 1002, "amount": 0.0001, "currency": "USDT", "status": "PENDING", "date": "2024-01-06T09:00:00Z"}
          ],
          "subscriptions": [
            {"sub_uid": "sub-1", "uid": 77, "user_id": 1001, "status": "Active", "start_date": "2024-01-05T10:20:00Z", "stop_date": "2024-02-05T10:20:00Z", "is_trial": false, "keys": 2, "meta": {"plan": "month"}},
            {"sub_uid": "sub-2", "user_id": 1002, "status": "Active", "start_date": "2024-01-06T09:00:00Z", "is_trial": true}
          ]
        }
        """;

    [Fact]
    public async Task A_batch_is_stored_and_resending_it_leaves_the_same_rows()
    {
        var (uid, key) = await RegisterBotAsync();
        var client = host.CreateClient();

        var first = await IngestAsync(client, key, FullBatch);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"accepted":{"users":2,"payments":2,"subscriptions":2}}""", await first.Content.ReadAsStringAsync());
        var before = await SnapshotAsync(uid);

        var again = await IngestAsync(client, key, FullBatch);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("""{"accepted":{"users":2,"payments":2,"subscriptions":2}}""", await again.Content.ReadAsStringAsync());
        Assert.Equal(before, await SnapshotAsync(uid));

        using var scope = host.Services.CreateScope();
        var payments = await scope.ServiceProvider.GetRequiredService<IReadRepository<Payment>>().ListAsync();
        var bill = Assert.Single(payments, p => p.BotId == uid && p.BillId == "bill-1");
        Assert.Equal(1_999_900, bill.Amount);
        Assert.Equal(199.99m, Amount.FromUnits(bill.Amount!.Value));
        Assert.Equal(PaymentKind.Subscription, bill.Kind);
        Assert.Equal(PaymentKind.Other, Assert.Single(payments, p => p.BotId == uid && p.BillId == "bill-2").Kind);
        var subscriptions = await scope.ServiceProvider.GetRequiredService<IReadRepository<Subscription>>().ListAsync();
        var trial = Assert.Single(subscriptions, s => s.BotId == uid && s.SubUid == "sub-2");
        Assert.Null(trial.Uid);
        Assert.Null(trial.Keys);
        Assert.True(trial.IsTrial);
        var users = await scope.ServiceProvider.GetRequiredService<IReadRepository<BotUser>>().ListAsync();
        Assert.Equal(new DateTimeOffset(2024, 1, 6, 5, 0, 0, TimeSpan.Zero), Assert.Single(users, u => u.BotId == uid && u.UserId == 1002).RegDate);
    }

    [Fact]
    public async Task A_resent_record_with_new_values_updates_its_row_in_place()
    {
        var (uid, key) = await RegisterBotAsync();
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await IngestAsync(client, key, FullBatch)).StatusCode);

        var update = """{"payments":[{"bill_id":"bill-2","user_id":1002,"amount":5,"currency":"USDT","status":"PAID","date":"2024-01-06T09:00:00Z","kind":"key"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await IngestAsync(client, key, update)).StatusCode);

        using var scope = host.Services.CreateScope();
        var payments = (await scope.ServiceProvider.GetRequiredService<IReadRepository<Payment>>().ListAsync()).Where(p => p.BotId == uid).ToList();
        Assert.Equal(2, payments.Count);
        var paid = Assert.Single(payments, p => p.BillId == "bill-2");
        Assert.Equal(("PAID", 50_000L, PaymentKind.Key), (paid.Status, paid.Amount!.Value, paid.Kind));
    }

    [Fact]
    public async Task One_bad_record_refuses_the_whole_batch_with_every_error_by_path_and_stores_nothing()
    {
        var (uid, key) = await RegisterBotAsync();
        var batch = """
            {
              "users": [
                {"user_id": 1, "reg_date": "2024-01-01T00:00:00Z"},
                {"username": "no-id", "reg_date": "2024-01-01T00:00:00Z"}
              ],
              "payments": [
                {"bill_id": "b-1", "date": "2024-01-01T00:00:00Z", "kind": "gift", "amount": 1.23456},
                {"user_id": 5}
              ],
              "subscriptions": [
                {"sub_uid": "s-1", "start_date": "2024-01-02T00:00:00Z", "stop_date": "2024-01-01T00:00:00Z", "keys": -1, "meta": [1, 2]}
              ]
            }
            """;

        var response = await IngestAsync(host.CreateClient(), key, batch);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "payments[0].amount", "payments[0].kind", "payments[1].bill_id", "payments[1].date",
                "subscriptions[0].keys", "subscriptions[0].meta", "subscriptions[0].stop_date", "users[1].user_id",
            ],
            errors);
        Assert.Equal("Field required", problem.GetProperty("errors").GetProperty("users[1].user_id")[0].GetString());

        Assert.Equal((0, 0, 0), (await SnapshotAsync(uid)).Counts);
    }

    [Fact]
    public async Task A_record_of_the_wrong_type_is_a_422_problem_keyed_by_its_path()
    {
        var (_, key) = await RegisterBotAsync();
        var response = await IngestAsync(host.CreateClient(), key, """{"users":[{"user_id":1,"reg_date":"2024-01-01T00:00:00Z"},{"user_id":"abc","reg_date":"2024-01-01T00:00:00Z"}]}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("users[1].user_id", out _));
    }

    [Fact]
    public async Task A_batch_holds_at_most_5000_records()
    {
        var (uid, key) = await RegisterBotAsync();
        var client = host.CreateClient();

        var tooMany = await IngestAsync(client, key, Batch(users: 2_501, payments: 2_500));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal("application/problem+json", tooMany.Content.Headers.ContentType!.MediaType);
        Assert.Contains("5000", (await tooMany.ReadJsonAsync()).GetProperty("errors").GetProperty("")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (await SnapshotAsync(uid)).Counts);

        var full = await IngestAsync(client, key, Batch(users: 2_500, payments: 2_500));
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("""{"accepted":{"users":2500,"payments":2500,"subscriptions":0}}""", await full.Content.ReadAsStringAsync());
        Assert.Equal((2_500, 2_500, 0), (await SnapshotAsync(uid)).Counts);
    }

    [Fact]
    public async Task Racing_batches_with_the_same_keys_all_succeed_and_leave_one_row_per_key()
    {
        var (uid, key) = await RegisterBotAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => IngestAsync(host.CreateClient(), key, FullBatch)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal((2, 2, 2), (await SnapshotAsync(uid)).Counts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cgik_1_nope")]
    [InlineData("garbage")]
    public async Task A_missing_or_wrong_key_is_401_problem_details_even_for_a_bad_batch(string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Body("""{"users":[{"username":"x"}]}""") };
        if (key is not null)
        {
            request.Headers.Add("X-Ingest-Key", key);
        }

        var response = await host.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(401, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_key_with_the_right_bot_but_a_wrong_secret_is_refused()
    {
        var (_, key) = await RegisterBotAsync();
        var forged = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await IngestAsync(host.CreateClient(), forged, """{"users":[]}""")).StatusCode);
    }

    private async Task<(long Uid, string Key)> RegisterBotAsync()
    {
        var owner = await host.SignInAsync(host.NewTelegramId());
        var response = await owner.PostAsync("/api/bots", Body(new { bot_token = host.NewBotToken() }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bot = await response.ReadJsonAsync();
        return (bot.GetProperty("uid").GetInt64(), bot.GetProperty("ingest_key").GetString()!);
    }

    private static Task<HttpResponseMessage> IngestAsync(HttpClient client, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Body(json) };
        request.Headers.Add("X-Ingest-Key", key);
        return client.SendAsync(request);
    }

    private static string Batch(int users, int payments) => JsonSerializer.Serialize(new
    {
        users = Enumerable.Range(1, users).Select(i => new { user_id = i, reg_date = "2024-03-01T12:00:00Z" }),
        payments = Enumerable.Range(1, payments).Select(i => new { bill_id = $"b{i}", date = "2024-03-01T12:00:00Z", amount = 10 }),
    });

    /// <summary>Every stored row of the bot with its id and version: equal snapshots mean no row was added, removed or rewritten.</summary>
    private async Task<Snapshot> SnapshotAsync(long botId)
    {
        using var scope = host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = (await services.GetRequiredService<IReadRepository<BotUser>>().ListAsync()).Where(u => u.BotId == botId).Select(u => $"{u.Id}:{u.Version}:{u.UserId}").Order().ToList();
        var payments = (await services.GetRequiredService<IReadRepository<Payment>>().ListAsync()).Where(p => p.BotId == botId).Select(p => $"{p.Id}:{p.Version}:{p.BillId}").Order().ToList();
        var subscriptions = (await services.GetRequiredService<IReadRepository<Subscription>>().ListAsync()).Where(s => s.BotId == botId).Select(s => $"{s.Id}:{s.Version}:{s.SubUid}").Order().ToList();
        return new Snapshot(string.Join(',', users), string.Join(',', payments), string.Join(',', subscriptions), (users.Count, payments.Count, subscriptions.Count));
    }

    private readonly record struct Snapshot(string? Users, string? Payments, string? Subscriptions, (int, int, int) Counts);
}
