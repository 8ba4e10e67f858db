using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.BotAnalytics;

/// <summary>
/// Seed 003 <c>GET /api/analytics</c> and <c>/api/bots/{bot_id}/summary</c> with our <c>tz</c>,
/// <c>compare</c>, CSV export and the added summary figures: every expected number is computed by
/// <see cref="BotData"/> from the records the test ingested.
/// </summary>
public sealed class DashboardTests(BotAnalyticsHost host) : IClassFixture<BotAnalyticsHost>
{
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Analytics_has_one_zero_filled_row_per_day_in_the_seed_shape()
    {
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();
        await host.IngestAsync(key, data.Batch(
            [new(1, At("2024-01-02T00:00:00Z")), new(2, At("2024-01-02T23:59:59Z")), new(3, At("2024-01-04T10:00:00Z")), new(4, At("2024-01-06T00:00:00Z"))],
            [
                new("p1", 1, 10m, "RUB", "PAID", At("2024-01-02T05:00:00Z"), "subscription"),
                new("p2", 1, 5m, "RUB", "PAID", At("2024-01-03T05:00:00Z"), "key"),
                new("p3", 2, 5m, "RUB", "PAID", At("2024-01-03T06:00:00Z"), "renewal"),
                new("p4", 2, 5m, "RUB", "FAILED", At("2024-01-03T07:00:00Z"), "renewal"),
                new("p5", 3, null, null, "PAID", At("2024-01-05T23:59:59.999Z"), null),
            ],
            [
                new("s1", 1, "Active", At("2024-01-02T06:00:00Z"), null, true),
                new("s2", 2, "Active", At("2024-01-02T07:00:00Z"), null, false),
                new("s3", 3, "Expired", At("2024-01-05T07:00:00Z"), At("2024-01-06T07:00:00Z"), true),
            ]));

        var response = await owner.GetAsync($"/api/analytics?bot_id={uid}&start_date=2024-01-01&end_date=2024-01-05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(["date", "registrations", "payments", "trials", "keys", "renewals"], rows[0].EnumerateObject().Select(p => p.Name).ToArray());
        AssertSeries(data.Series(new(2024, 1, 1), new(2024, 1, 5), Utc), rows);
        Assert.Equal(("2024-01-01", 0), (rows[0].GetProperty("date").GetString(), rows[0].GetProperty("registrations").GetInt32()));
        Assert.Equal(2, rows[1].GetProperty("registrations").GetInt32());
        Assert.Equal((2, 1, 1), (rows[2].GetProperty("payments").GetInt32(), rows[2].GetProperty("keys").GetInt32(), rows[2].GetProperty("renewals").GetInt32()));
    }

    [Theory]
    [InlineData("Asia/Kolkata")] // +05:30: days begin at 18:30 UTC
    [InlineData("Asia/Kathmandu")] // +05:45
    [InlineData("America/New_York")] // a day of 23 hours on 10 March 2024
    [InlineData("Europe/Moscow")]
    public async Task Days_begin_at_midnight_in_the_named_time_zone(string tz)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tz);
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();

        // Records on both sides of every local midnight of the range, to the second.
        var users = new List<UserRecord>();
        var payments = new List<PaymentRecord>();
        var id = 0;
        for (var day = new DateOnly(2024, 3, 8); day <= new DateOnly(2024, 3, 12); day = day.AddDays(1))
        {
            var midnight = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
            foreach (var offset in new[] { -1, 0, 1, 3600 })
            {
                var at = new DateTimeOffset(midnight, TimeSpan.Zero).AddSeconds(offset);
                users.Add(new(++id, at));
                payments.Add(new($"b{id}", id, 1m, "USD", "PAID", at, id % 2 == 0 ? "key" : "renewal"));
            }
        }

        await host.IngestAsync(key, data.Batch(users, payments));
        var rows = await GetArrayAsync(owner, $"/api/analytics?bot_id={uid}&start_date=2024-03-08&end_date=2024-03-12&tz={tz}");
        AssertSeries(data.Series(new(2024, 3, 8), new(2024, 3, 12), zone), rows);
        Assert.NotEqual(data.Series(new(2024, 3, 8), new(2024, 3, 12), Utc), data.Series(new(2024, 3, 8), new(2024, 3, 12), zone));
    }

    [Fact]
    public async Task A_zone_whose_midnight_cuts_a_quarter_hour_is_exact_from_the_records_of_the_cut_bucket()
    {
        // Amsterdam kept local mean time (+00:19:32) until 1937: its midnight falls inside a 15-minute bucket.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();
        var midnight = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(1920, 1, 10), zone), TimeSpan.Zero);
        Assert.NotEqual(0, midnight.Ticks % TimeSpan.FromMinutes(15).Ticks);
        await host.IngestAsync(key, data.Batch(
            [new(1, midnight.AddSeconds(-30)), new(2, midnight), new(3, midnight.AddMinutes(2)), new(4, midnight.AddMinutes(-7))],
            [new("b1", 1, 2m, "NLG", "PAID", midnight.AddSeconds(-1), "key"), new("b2", 2, 2m, "NLG", "PAID", midnight.AddSeconds(1), "key")]));

        var rows = await GetArrayAsync(owner, $"/api/analytics?bot_id={uid}&start_date=1920-01-09&end_date=1920-01-10&tz=Europe/Amsterdam");
        AssertSeries(data.Series(new(1920, 1, 9), new(1920, 1, 10), zone), rows);
        Assert.Equal((2, 2), (rows[0].GetProperty("registrations").GetInt32(), rows[1].GetProperty("registrations").GetInt32()));
    }

    [Fact]
    public async Task Compare_adds_the_matching_day_of_the_earlier_period()
    {
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();
        var users = new List<UserRecord>();
        var id = 0;
        foreach (var (day, count) in new[] { ("2023-02-28", 3), ("2024-02-26", 1), ("2024-02-27", 2), ("2024-02-28", 4), ("2024-02-29", 5), ("2024-03-01", 6), ("2023-03-01", 7) })
        {
            for (var i = 0; i < count; i++)
            {
                users.Add(new(++id, At($"{day}T12:00:00Z")));
            }
        }

        await host.IngestAsync(key, data.Batch(users));

        var period = await GetArrayAsync(owner, $"/api/analytics?bot_id={uid}&start_date=2024-02-29&end_date=2024-03-01&compare=previous_period");
        AssertSeries(data.Series(new(2024, 2, 29), new(2024, 3, 1), Utc), period);
        Assert.Equal(["date", "registrations", "payments", "trials", "keys", "renewals", "previous"], period[0].EnumerateObject().Select(p => p.Name).ToArray());
        AssertSeries(data.Series(new(2024, 2, 27), new(2024, 2, 28), Utc), period.Select(r => r.GetProperty("previous")).ToList());

        var year = await GetArrayAsync(owner, $"/api/analytics?bot_id={uid}&start_date=2024-02-28&end_date=2024-03-01&compare=previous_year");
        var previous = year.Select(r => r.GetProperty("previous")).ToList();
        Assert.Equal(["2023-02-28", "2023-02-28", "2023-03-01"], previous.Select(p => p.GetProperty("date").GetString()!).ToArray());
        Assert.Equal([3, 3, 7], previous.Select(p => p.GetProperty("registrations").GetInt32()).ToArray());

        var plain = await GetArrayAsync(owner, $"/api/analytics?bot_id={uid}&start_date=2024-02-29&end_date=2024-02-29");
        Assert.False(plain[0].TryGetProperty("previous", out _));
    }

    [Fact]
    public async Task Export_streams_the_series_as_csv_with_the_json_field_names()
    {
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();
        await host.IngestAsync(key, data.Batch(
            [new(1, At("2024-05-01T20:00:00Z"))],
            [new("b1", 1, 3m, "EUR", "PAID", At("2024-05-02T20:00:00Z"), "renewal")],
            [new("s1", 1, "Active", At("2024-05-01T21:00:00Z"), null, true)]));

        var response = await owner.GetAsync($"/api/analytics/export?bot_id={uid}&start_date=2024-05-01&end_date=2024-05-03&tz=Europe/Moscow");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        string[] expected =
        [
            "date,registrations,payments,trials,keys,renewals",
            .. data.Series(new(2024, 5, 1), new(2024, 5, 3), zone).Select(d => $"{d.Date},{d.Registrations},{d.Payments},{d.Trials},{d.Keys},{d.Renewals}"),
        ];
        Assert.Equal(expected, lines);
        Assert.Equal("2024-05-02,0,1,1,0,1", lines[2]); // 23:00 and midnight in Moscow

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await owner.GetAsync($"/api/analytics/export?bot_id={uid}&start_date=2024-05-01&end_date=2024-05-03&tz=Mars/Olympus")).StatusCode);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Kolkata")]
    public async Task Summary_keeps_the_seed_fields_and_adds_revenue_by_currency_mrr_churn_and_trial_conversion(string tz)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tz);
        var now = host.Clock.GetUtcNow();
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();
        await host.IngestAsync(key, data.Batch(
            [new(1, now.AddDays(-100)), new(2, now.AddDays(-10)), new(3, now.AddDays(-29.9)), new(4, now.AddDays(-31)), new(5, now.AddMinutes(-1))],
            [
                new("p1", 1, 100m, "RUB", "PAID", now.AddDays(-90), "subscription"),
                new("p2", 1, 50.5m, "RUB", "PAID", now.AddDays(-5), "renewal"),
                new("p3", 2, 9.99m, "USD", "PAID", now.AddDays(-3), "key"),
                new("p4", 2, 1000m, "USD", "FAILED", now.AddDays(-3), "subscription"),
                new("p5", 3, 20m, "USD", "PAID", now.AddDays(-2), "subscription"),
                new("p6", 4, null, null, "PAID", now.AddDays(-1), "other"),
                new("p7", null, 7m, null, "PAID", now.AddDays(-40), "other"),
            ],
            [
                new("s1", 1, "Active", now.AddDays(-90), now.AddDays(20), false),
                new("s2", 2, "Expired", now.AddDays(-20), now.AddDays(-13), true), // a trial, converted by p3, churned
                new("s3", 3, "Expired", now.AddDays(-12), now.AddDays(-5), true), // a trial, converted by p5
                new("s4", 3, "Active", now.AddDays(-2), now.AddDays(28), false), // s3 is not churned: s4 started later
                new("s5", 4, "Expired", now.AddDays(-8), now.AddDays(-1), true), // a trial never paid for afterwards
                new("s6", null, "Expired", now.AddDays(-60), now.AddDays(-45), false),
                new("s7", 5, "Active", now.AddDays(-1), null, false),
            ]));

        var response = await owner.GetAsync($"/api/bots/{uid}/summary?tz={tz}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.ReadJsonAsync();
        Assert.Equal(
            ["total_users", "active_users", "new_users_month", "total_revenue", "monthly_revenue", "average_check", "revenue_by_currency", "mrr", "churned_month", "trial_conversion"],
            summary.EnumerateObject().Select(p => p.Name).ToArray());
        AssertSummary(data.Summary(now, zone), summary);
        Assert.Equal(187.49m, summary.GetProperty("total_revenue").GetDecimal());
        Assert.Equal(["RUB", "USD", "XXX"], summary.GetProperty("revenue_by_currency").EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task A_bot_without_records_has_a_zero_summary_and_a_null_trial_conversion()
    {
        var (owner, uid, _) = await host.RegisterBotAsync();
        var summary = await (await owner.GetAsync($"/api/bots/{uid}/summary")).ReadJsonAsync();
        Assert.Equal(
            """{"total_users":0,"active_users":0,"new_users_month":0,"total_revenue":0,"monthly_revenue":0,"average_check":0,"revenue_by_currency":{},"mrr":{},"churned_month":0,"trial_conversion":null}""",
            summary.GetRawText());
    }

    [Fact]
    public async Task Rollups_equal_a_recomputation_from_the_records_after_random_upserts()
    {
        var random = new Random(20261205);
        var now = host.Clock.GetUtcNow();
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();
        string[] currencies = ["RUB", "USD", "EUR"];
        string?[] statuses = ["PAID", "PAID", "PAID", "FAILED", "PENDING", null];
        string?[] kinds = ["subscription", "key", "renewal", "other", null];
        string?[] subscriptionStatuses = ["Active", "Expired", "Cancelled"];
        DateTimeOffset SomeTime() => now.AddMinutes(random.Next(-60 * 24 * 90, 60 * 24 * 5));
        long? SomeUser() => random.Next(10) == 0 ? null : random.Next(1, 30);
        UserRecord NewUser(long id) => new(id, SomeTime());
        PaymentRecord NewPayment(string id) => new(id, SomeUser(), random.Next(8) == 0 ? null : random.Next(1, 100_000) / 100m, random.Next(8) == 0 ? null : currencies[random.Next(3)], statuses[random.Next(statuses.Length)], SomeTime(), kinds[random.Next(kinds.Length)]);
        SubscriptionRecord NewSubscription(string id)
        {
            var start = SomeTime();
            return new(id, SomeUser(), subscriptionStatuses[random.Next(3)], start, random.Next(3) == 0 ? null : start.AddDays(random.Next(0, 40)), random.Next(3) == 0 ? null : random.Next(2) == 0);
        }

        for (var round = 0; round < 8; round++)
        {
            // Each round sends new keys and new values for old keys, some twice in one batch.
            var users = Enumerable.Range(0, 30).Select(_ => NewUser(random.Next(1, 80))).ToList();
            var payments = Enumerable.Range(0, 60).Select(_ => NewPayment($"b{random.Next(1, 150)}")).ToList();
            var subscriptions = Enumerable.Range(0, 40).Select(_ => NewSubscription($"s{random.Next(1, 90)}")).ToList();
            await host.IngestAsync(key, data.Batch(users, payments, subscriptions));
        }

        Assert.NotNull(data.Summary(now, Utc).TrialConversion);
        var start = BotData.DayIn(now.AddDays(-100), Utc);
        var end = BotData.DayIn(now.AddDays(60), Utc);
        foreach (var tz in new[] { "UTC", "Asia/Kolkata", "America/Los_Angeles" })
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(tz);
            AssertSeries(data.Series(start, end, zone), await GetArrayAsync(owner, $"/api/analytics?bot_id={uid}&start_date={start:yyyy-MM-dd}&end_date={end:yyyy-MM-dd}&tz={tz}"));
            AssertSummary(data.Summary(now, zone), await (await owner.GetAsync($"/api/bots/{uid}/summary?tz={tz}")).ReadJsonAsync());
        }

        // The lists' totals come from the rollups too.
        async Task<long> TotalAsync(string path) => (await (await owner.GetAsync(path)).ReadJsonAsync()).GetProperty("total").GetInt64();
        var from = BotData.DayIn(now.AddDays(-30), Utc);
        var to = BotData.DayIn(now.AddDays(-3), Utc);
        Assert.Equal(data.Users.Count, await TotalAsync($"/api/users?bot_id={uid}"));
        Assert.Equal(data.Payments.Count, await TotalAsync($"/api/payments?bot_id={uid}"));
        Assert.Equal(data.Payments.Values.Count(p => BotData.DayIn(p.Date, Utc) >= from && BotData.DayIn(p.Date, Utc) <= to), await TotalAsync($"/api/payments?bot_id={uid}&start_date={from:yyyy-MM-dd}&end_date={to:yyyy-MM-dd}"));
        Assert.Equal(data.Payments.Values.Count(p => BotData.DayIn(p.Date, Utc) >= from), await TotalAsync($"/api/payments?bot_id={uid}&start_date={from:yyyy-MM-dd}"));
        Assert.Equal(data.Payments.Values.Count(p => BotData.DayIn(p.Date, Utc) <= to), await TotalAsync($"/api/payments?bot_id={uid}&end_date={to:yyyy-MM-dd}"));
        Assert.Equal(data.Subscriptions.Count, await TotalAsync($"/api/subscriptions?bot_id={uid}"));
        Assert.Equal(data.Subscriptions.Values.Count(s => s.Status == "Active"), await TotalAsync($"/api/subscriptions?bot_id={uid}&status=Active"));
    }

    [Fact]
    public async Task Concurrent_batches_of_one_bot_lose_no_contribution()
    {
        var now = host.Clock.GetUtcNow();
        var (owner, uid, key) = await host.RegisterBotAsync();
        var data = new BotData();

        // Every batch adds to the same rollup rows (the same quarter hour and the timeless row).
        var batches = Enumerable.Range(0, 6).Select(b => data.Batch(
            Enumerable.Range(0, 20).Select(i => new UserRecord((b * 100) + i, now.AddMinutes(-1))),
            Enumerable.Range(0, 20).Select(i => new PaymentRecord($"b{b}-{i}", (b * 100) + i, 2.5m, "RUB", "PAID", now.AddMinutes(-1), "renewal")))).ToList();
        await Task.WhenAll(batches.Select(batch => host.IngestAsync(key, batch)));

        var today = BotData.DayIn(now, Utc);
        AssertSeries(data.Series(today.AddDays(-1), today, Utc), await GetArrayAsync(owner, $"/api/analytics?bot_id={uid}&start_date={today.AddDays(-1):yyyy-MM-dd}&end_date={today:yyyy-MM-dd}"));
        var summary = await (await owner.GetAsync($"/api/bots/{uid}/summary")).ReadJsonAsync();
        AssertSummary(data.Summary(now, Utc), summary);
        Assert.Equal(120, summary.GetProperty("total_users").GetInt32());
        Assert.Equal(300m, summary.GetProperty("total_revenue").GetDecimal());
    }

    [Fact]
    public async Task Expiring_lists_active_subscriptions_stopping_within_the_window_soonest_first()
    {
        var now = host.Clock.GetUtcNow();
        var (owner, uid, key) = await host.RegisterBotAsync();
        await host.IngestAsync(key, new BotData().Batch(subscriptions:
        [
            new("late", 1, "Active", now.AddDays(-20), now.AddDays(6.9), false),
            new("soon", 2, "Active", now.AddDays(-20), now.AddHours(2), false),
            new("past", 3, "Active", now.AddDays(-20), now.AddHours(-2), false),
            new("beyond", 4, "Active", now.AddDays(-20), now.AddDays(7.1), false),
            new("cancelled", 5, "Cancelled", now.AddDays(-20), now.AddDays(1), false),
            new("open", 6, "Active", now.AddDays(-20), null, false),
        ]));

        var page = await (await owner.GetAsync($"/api/subscriptions/expiring?bot_id={uid}")).ReadJsonAsync();
        Assert.Equal(["subscriptions", "total", "page", "limit"], page.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["soon", "late"], page.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("sub_uid").GetString()!).ToArray());
        Assert.Equal(2, page.GetProperty("total").GetInt32());

        var wider = await (await owner.GetAsync($"/api/subscriptions/expiring?bot_id={uid}&days=8&limit=1&page=2")).ReadJsonAsync();
        Assert.Equal(["late"], wider.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("sub_uid").GetString()!).ToArray());
        Assert.Equal(3, wider.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/analytics?bot_id={0}&end_date=2024-01-31", "start_date")]
    [InlineData("/api/analytics?bot_id={0}&start_date=2024-01-31", "end_date")]
    [InlineData("/api/analytics?bot_id={0}&start_date=2024-01-31&end_date=2024-01-30", "end_date")]
    [InlineData("/api/analytics?bot_id={0}&start_date=2024-01-01&end_date=2025-01-01", "end_date")]
    [InlineData("/api/analytics?bot_id={0}&start_date=2024-01-01&end_date=2024-01-02&tz=Not/AZone", "tz")]
    [InlineData("/api/analytics?bot_id={0}&start_date=2024-01-01&end_date=2024-01-02&tz=../../etc/passwd", "tz")]
    [InlineData("/api/analytics?bot_id={0}&start_date=2024-01-01&end_date=2024-01-02&compare=last_week", "compare")]
    [InlineData("/api/analytics?bot_id={0}&start_date=0001-01-01&end_date=0001-01-02&compare=previous_year", "start_date")]
    [InlineData("/api/analytics?bot_id=abc&start_date=2024-01-01&end_date=2024-01-02", "bot_id")]
    [InlineData("/api/bots/{0}/summary?tz=Mars/Olympus", "tz")]
    [InlineData("/api/subscriptions/expiring?bot_id={0}&days=0", "days")]
    [InlineData("/api/subscriptions/expiring?bot_id={0}&days=366", "days")]
    [InlineData("/api/subscriptions/expiring?bot_id={0}&limit=1001", "limit")]
    public async Task Bad_parameters_are_422_on_the_parameter(string route, string field)
    {
        var (owner, uid, _) = await host.RegisterBotAsync();
        var response = await owner.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, uid));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        Assert.Contains(detail.EnumerateArray(), d => d.GetProperty("loc")[0].GetString() == "query" && d.GetProperty("loc")[1].GetString() == field);
    }

    [Theory]
    [InlineData("/api/analytics?bot_id={0}&start_date=2024-01-01&end_date=2024-01-02")]
    [InlineData("/api/analytics/export?bot_id={0}&start_date=2024-01-01&end_date=2024-01-02")]
    [InlineData("/api/bots/{0}/summary")]
    [InlineData("/api/subscriptions/expiring?bot_id={0}")]
    public async Task Another_owners_bot_is_403_and_no_token_is_401(string route)
    {
        var (_, uid, _) = await host.RegisterBotAsync();
        var stranger = await host.SignInAsync(host.NewTelegramId());
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, uid);
        var response = await stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"detail":"Access denied to this bot"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, route, 987654321))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync(path)).StatusCode);
    }

    private static async Task<List<JsonElement>> GetArrayAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return [.. (await response.ReadJsonAsync()).EnumerateArray()];
    }

    private static void AssertSeries((string Date, long Registrations, long Payments, long Trials, long Keys, long Renewals)[] expected, IReadOnlyList<JsonElement> rows) =>
        Assert.Equal(expected, rows.Select(r => (
            r.GetProperty("date").GetString()!,
            r.GetProperty("registrations").GetInt64(),
            r.GetProperty("payments").GetInt64(),
            r.GetProperty("trials").GetInt64(),
            r.GetProperty("keys").GetInt64(),
            r.GetProperty("renewals").GetInt64())).ToArray());

    private static void AssertSummary(ExpectedSummary expected, JsonElement summary)
    {
        static Dictionary<string, decimal> Money(JsonElement e) => e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
        var actual = new ExpectedSummary(
            summary.GetProperty("total_users").GetInt64(),
            summary.GetProperty("active_users").GetInt64(),
            summary.GetProperty("new_users_month").GetInt64(),
            summary.GetProperty("total_revenue").GetDecimal(),
            summary.GetProperty("monthly_revenue").GetDecimal(),
            summary.GetProperty("average_check").GetDecimal(),
            Money(summary.GetProperty("revenue_by_currency")),
            Money(summary.GetProperty("mrr")),
            summary.GetProperty("churned_month").GetInt64(),
            summary.GetProperty("trial_conversion").ValueKind == JsonValueKind.Null ? null : summary.GetProperty("trial_conversion").GetDecimal());
        Dictionary<string, decimal> none = [];
        Assert.Equal(expected with { RevenueByCurrency = none, Mrr = none }, actual with { RevenueByCurrency = none, Mrr = none });
        Assert.Equal(expected.RevenueByCurrency.OrderBy(p => p.Key, StringComparer.Ordinal), actual.RevenueByCurrency.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Mrr.OrderBy(p => p.Key, StringComparer.Ordinal), actual.Mrr.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
