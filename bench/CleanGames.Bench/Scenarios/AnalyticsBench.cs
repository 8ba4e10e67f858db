using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Load;
using CleanGames.Bench.Reporting;
using Microsoft.Data.Sqlite;

namespace CleanGames.Bench.Scenarios;

/// <summary>
/// <c>analytics</c>: the Bot Analytics dashboard's reads over a large history. Two bots are loaded
/// through <c>POST /api/ingest</c> (so their rollups are built by the ingestion code itself): the full
/// history and one ten times smaller, in the same database. Then, for each bot, at concurrency 1 and
/// 8: <c>GET /api/analytics</c> for 31 days, <c>GET /api/bots/{uid}/summary</c> and page 1 000 of
/// <c>GET /api/payments</c>, against the naive query (paid payments of the range grouped by day, from
/// the raw rows through their index) run in the same run on the same file. Not a throughput ratio:
/// the figures are latencies per route, and <c>ratio</c> is the analytics route's p50 ÷ the naive
/// query's p50 at concurrency 1 on the full data.
/// </summary>
internal static class AnalyticsBench
{
    public const string Name = "analytics";
    public const double GoalRatio = 0.05;
    public const double GoalScale = 1.5;
    public const double GoalPagingP99Ms = 20;
    public const int PagingPage = 1_000;
    public const int PagingLimit = 10;

    /// <summary>Requests a cell needs at least, so its p99 is not its maximum; the window grows (up to 4×) to reach it.</summary>
    private const int MinSamples = 200;

    public static readonly AnalyticsDataSize FullSize = new(200_000, 1_000_000, 100_000);
    public static readonly AnalyticsDataSize SmallSize = new(20_000, 100_000, 10_000);
    public static readonly int[] Concurrencies = [1, 8];

    /// <summary>The last 31 days of the history: the 31 days before the day the run began.</summary>
    public static readonly DateOnly RangeEnd = AnalyticsData.LastDay;
    public static readonly DateOnly RangeStart = RangeEnd.AddDays(-30);

    public static readonly IReadOnlyDictionary<string, string> RaisedLimits = new Dictionary<string, string>
    {
        // The owner signs in through the per-address authentication limiter, which a run started
        // right after others on the same loopback address could otherwise find spent.
        ["RateLimiting:AuthenticationPermitsPerMinute"] = "1000000",
    };

    /// <summary>The sign-in bot of this server only: a made-up token shared by the bench and its child, never a real one.</summary>
    public const string SignInBotToken = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_x";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Telegram:BotToken"] = SignInBotToken,
    };

    /// <summary>The clients run in this process, and so does the naive query.</summary>
    public const string Generator = ".NET HttpClient in the bench process; the naive query on Microsoft.Data.Sqlite in the bench process";

    private const long OwnerTelegramId = 424_242;

    public static async Task<AnalyticsResult> RunAsync(RunningServer server, string databaseFile, BenchOptions options, CorePlan plan, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Concurrencies.Max(),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var token = await SignInAsync(http, ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var sets = new List<DataSet>();
        foreach (var (label, size, seed, telegramBotId) in new[] { ("full", FullSize, 2025, 7_000_000_001L), ("small", SmallSize, 2026, 7_000_000_002L) })
        {
            var (uid, ingestKey) = await RegisterBotAsync(http, telegramBotId, ct);
            var load = await LoadAsync(http, label, uid, ingestKey, new AnalyticsData(size, seed), ct);
            sets.Add(new DataSet(label, uid, size, load));
        }

        var cellSeconds = Math.Max(1.0, options.Seconds / (double)options.Rounds);
        var cells = new List<CellReport>();
        var missing = new List<string>();
        var routes = new List<Route>();
        foreach (var set in sets)
        {
            routes.Add(await NaiveRouteAsync(databaseFile, set, ct));
            foreach (var route in HttpRoutes(http, set))
            {
                var problem = await route.CheckAsync(ct);
                if (problem is null)
                {
                    routes.Add(route);
                }
                else
                {
                    Progress.Write($"{set.Label}: {route.Name} is not measured: {problem}");
                    missing.Add($"{set.Label} {route.Name}: {problem}");
                }
            }
        }

        await CompareWithNaiveAsync(http, sets, databaseFile, ct);

        try
        {
            var warmedUp = new HashSet<string>(StringComparer.Ordinal);
            foreach (var concurrency in Concurrencies)
            {
                foreach (var route in routes)
                {
                    // Each route's first cell warms up as long as each server's first round elsewhere: the JIT is still tiering it up.
                    var warmup = options.WarmupFor(warmedUp.Add(route.Name) ? 0 : 2);
                    cells.Add(await MeasureAsync(route, concurrency, warmup, TimeSpan.FromSeconds(cellSeconds), server, plan, ct));
                }
            }
        }
        finally
        {
            foreach (var route in routes)
            {
                await route.DisposeAsync();
            }
        }

        return AnalyticsResult.Create(sets, cells, missing, plan, DateTimeOffset.UtcNow);
    }

    /// <summary>Signs in as the bots' owner with Mini App <c>init_data</c> signed for <see cref="SignInBotToken"/>.</summary>
    private static async Task<string> SignInAsync(HttpClient http, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>
        {
            ["auth_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["query_id"] = "bench-" + RandomNumberGenerator.GetHexString(8, lowercase: true),
            ["user"] = string.Create(CultureInfo.InvariantCulture, $$"""{"id":{{OwnerTelegramId}},"first_name":"Bench"}"""),
        };
        var json = await SendAsync(http, HttpMethod.Post, "/api/auth/telegram", JsonContent.Create(new { init_data = InitData(fields, SignInBotToken) }), HttpStatusCode.OK, ct);
        return json.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// Telegram Mini App data: secret = HMAC-SHA256(key "WebAppData", bot token); hash = hex HMAC-SHA256(secret,
    /// the sorted "key=value" lines); sent as a query string with each key and value percent-encoded once.
    /// </summary>
    private static string InitData(Dictionary<string, string> fields, string botToken)
    {
        var dataCheck = string.Join('\n', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheck)));
        return string.Join('&', fields.Append(new("hash", hash)).Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
    }

    private static async Task<(long Uid, string IngestKey)> RegisterBotAsync(HttpClient http, long telegramBotId, CancellationToken ct)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        var botToken = telegramBotId.ToString(CultureInfo.InvariantCulture) + ":" + RandomNumberGenerator.GetString(alphabet, 35);
        var json = await SendAsync(http, HttpMethod.Post, "/api/bots", JsonContent.Create(new { bot_token = botToken }), HttpStatusCode.Created, ct);
        return (json.GetProperty("uid").GetInt64(), json.GetProperty("ingest_key").GetString()!);
    }

    /// <summary>One batch at a time: batches of one bot would only contend for its rollup rows and SQLite's one writer.</summary>
    private static async Task<LoadReport> LoadAsync(HttpClient http, string label, long uid, string ingestKey, AnalyticsData data, CancellationToken ct)
    {
        Progress.Write($"{label} data (bot {uid}): loading {data.Size} in {data.Batches} batches of at most {AnalyticsData.BatchRecords:N0} records through POST /api/ingest");
        var started = Stopwatch.GetTimestamp();
        var sent = 0;
        var batches = 0;
        var nextReport = data.Size.Records / 10;
        foreach (var (body, records) in data.Bodies())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Ingest-Key", ingestKey);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new BenchException($"POST /api/ingest (batch {batches + 1}, {body.Length:N0} bytes) answered {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync(ct))}");
            }

            sent += records;
            batches++;
            if (sent >= nextReport)
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                Progress.Write(string.Create(CultureInfo.InvariantCulture, $"{label} data: {sent:N0} of {data.Size.Records:N0} records in {elapsed:0.0} s ({sent / elapsed:0} records/s)"));
                nextReport += data.Size.Records / 10;
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Progress.Write(string.Create(CultureInfo.InvariantCulture, $"{label} data loaded: {sent:N0} records in {batches} batches, {seconds:0.0} s, {sent / seconds:0} records/s"));
        return new LoadReport(Math.Round(seconds, 1), Math.Round(sent / seconds, 0), batches);
    }

    private static IEnumerable<HttpRoute> HttpRoutes(HttpClient http, DataSet set)
    {
        var range = string.Create(CultureInfo.InvariantCulture, $"start_date={RangeStart:yyyy-MM-dd}&end_date={RangeEnd:yyyy-MM-dd}");
        var days = RangeEnd.DayNumber - RangeStart.DayNumber + 1;
        yield return new HttpRoute("analytics", set, http, $"/api/analytics?bot_id={set.Uid}&{range}", json =>
            Rows(json) is { } rows && rows.GetArrayLength() == days ? null : $"expected {days} daily rows, got {Shorten(json.GetRawText())}");
        yield return new HttpRoute("summary", set, http, $"/api/bots/{set.Uid}/summary", json =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty("total_users", out var users) && users.GetInt64() == set.Size.Users
                ? null
                : $"expected total_users {set.Size.Users}, got {Shorten(json.GetRawText())}");
        yield return new HttpRoute("payments_page", set, http, $"/api/payments?bot_id={set.Uid}&page={PagingPage}&limit={PagingLimit}", json =>
            json.TryGetProperty("payments", out var page) && page.GetArrayLength() == PagingLimit
            && json.TryGetProperty("total", out var total) && total.GetInt64() == set.Size.Payments
                ? null
                : $"expected {PagingLimit} payments of {set.Size.Payments}, got {Shorten(json.GetRawText())}");
    }

    private static async Task<Route> NaiveRouteAsync(string databaseFile, DataSet set, CancellationToken ct)
    {
        var route = new NaiveRoute(set, databaseFile);
        var problem = await route.CheckAsync(ct);
        if (problem is not null)
        {
            await route.DisposeAsync();
            throw new BenchException($"{set.Label}: the naive query {problem}");
        }

        return route;
    }

    /// <summary>The daily rows as an array: the answer itself, or the one array property of an object answer.</summary>
    private static JsonElement? Rows(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Array => json,
        JsonValueKind.Object => json.EnumerateObject().Select(p => p.Value).Where(v => v.ValueKind == JsonValueKind.Array).Cast<JsonElement?>().FirstOrDefault(),
        _ => null,
    };

    /// <summary>
    /// A plausibility check of the two sides against each other: the analytics route's daily paid
    /// payments should be the naive query's counts. A difference is reported, not fatal: the route
    /// may define a day's payments differently, and the figures are about time.
    /// </summary>
    private static async Task CompareWithNaiveAsync(HttpClient http, List<DataSet> sets, string databaseFile, CancellationToken ct)
    {
        foreach (var set in sets)
        {
            using var response = await http.GetAsync($"/api/analytics?bot_id={set.Uid}&start_date={RangeStart:yyyy-MM-dd}&end_date={RangeEnd:yyyy-MM-dd}", ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (Rows(document.RootElement) is not { } rows)
            {
                continue;
            }

            await using var naive = await NaiveDailyPayments.OpenAsync(databaseFile, set.Uid, RangeStart, RangeEnd, ct);
            var expected = (await naive.RunAsync(ct)).ToDictionary(d => d.Day, d => d.Paid);
            var compared = 0;
            var differ = new List<string>();
            foreach (var row in rows.EnumerateArray())
            {
                if (row.ValueKind == JsonValueKind.Object
                    && row.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String
                    && DateOnly.TryParse(date.GetString(), CultureInfo.InvariantCulture, out var day)
                    && row.TryGetProperty("payments", out var payments) && payments.ValueKind == JsonValueKind.Number && payments.TryGetInt64(out var paid))
                {
                    compared++;
                    if (expected.GetValueOrDefault(day) != paid)
                    {
                        differ.Add($"{day:yyyy-MM-dd} {paid} vs {expected.GetValueOrDefault(day)}");
                    }
                }
            }

            Progress.Write(compared == 0
                ? $"{set.Label}: the analytics rows have no date/payments pair to compare with the naive query"
                : differ.Count == 0
                    ? $"{set.Label}: the analytics route's paid payments per day match the naive query on all {compared} days"
                    : $"{set.Label}: the analytics route's paid payments per day differ from the naive query on {differ.Count} of {compared} days (route vs naive): {string.Join(", ", differ.Take(5))}");
        }
    }

    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> clients, each starting its next request when the last
    /// ends; the warm-up is discarded without pausing, then a window of fixed length is measured, long
    /// enough (from the warm-up's pace, up to 4× <paramref name="duration"/>) for <see cref="MinSamples"/> requests.
    /// </summary>
    private static async Task<CellReport> MeasureAsync(Route route, int concurrency, TimeSpan warmup, TimeSpan duration, RunningServer server, CorePlan plan, CancellationToken ct)
    {
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        long warmupCount = 0;
        long measureFrom = long.MaxValue;
        long measureTo = long.MaxValue;
        var ticks = Enumerable.Range(0, concurrency).Select(_ => new List<long>(4096)).ToArray();
        var errors = 0L;
        string? firstError = null;

        async Task ClientAsync(int index)
        {
            var mine = ticks[index];
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (start >= Volatile.Read(ref measureTo))
                {
                    return;
                }

                var problem = await route.RunOnceAsync(ct);
                var end = Stopwatch.GetTimestamp();
                if (start < warmupEnd)
                {
                    Interlocked.Increment(ref warmupCount);
                }
                else if (start >= Volatile.Read(ref measureFrom))
                {
                    if (problem is null)
                    {
                        mine.Add(end - start);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, problem, null);
                    }
                }
            }
        }

        var clients = Enumerable.Range(0, concurrency).Select(i => Task.Run(() => ClientAsync(i), ct)).ToArray();
        await Task.Delay(warmup, ct);

        // The warm-up's pace says how long MinSamples requests take at this concurrency.
        var pace = warmup.TotalSeconds / Math.Max(1, Interlocked.Read(ref warmupCount));
        var window = TimeSpan.FromSeconds(Math.Clamp(pace * MinSamples * 1.2, duration.TotalSeconds, duration.TotalSeconds * 4));
        var cpu = CpuWindow.Open(server, plan);
        var from = Stopwatch.GetTimestamp();
        Volatile.Write(ref measureFrom, from);
        Volatile.Write(ref measureTo, from + (long)(window.TotalSeconds * Stopwatch.Frequency));
        await Task.Delay(window, ct);
        var sample = cpu.Close();
        await Task.WhenAll(clients);

        var latency = LatencyStats.Summarize(ticks);
        var requests = ticks.Sum(t => t.Count);
        var report = new CellReport(
            route.Set.Label, route.Name, concurrency,
            Round3(latency.P50Ms), Round3(latency.P99Ms), requests, errors,
            Math.Round(window.TotalSeconds, 2),
            Math.Round(sample.ServerPercent, 1), Math.Round(sample.GeneratorPercent, 1));
        Progress.Write(string.Create(CultureInfo.InvariantCulture,
            $"{route.Set.Label} {route.Name} ×{concurrency}: p50 {report.P50Ms:0.000} ms, p99 {report.P99Ms:0.000} ms over {requests} requests in {window.TotalSeconds:0.0} s, {errors} errors; CPU % of one core, server {report.ServerCpuPct:0} / bench {report.GeneratorCpuPct:0}"));
        if (firstError is not null)
        {
            Progress.Write($"{route.Set.Label} {route.Name} ×{concurrency}: first error: {firstError}");
        }

        return report;
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, HttpContent? content, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
        {
            throw new BenchException($"{method} {path} answered {(int)response.StatusCode}: {Shorten(text)}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static double Round3(double value) => Math.Round(value, 3);

    internal sealed record DataSet(string Label, long Uid, AnalyticsDataSize Size, LoadReport Load);

    /// <summary>One thing a cell measures: a route of the server, or the naive query.</summary>
    private abstract class Route(string name, DataSet set) : IAsyncDisposable
    {
        public string Name { get; } = name;

        public DataSet Set { get; } = set;

        /// <summary>Null when the answer is as expected; otherwise what is wrong with it.</summary>
        public abstract Task<string?> CheckAsync(CancellationToken ct);

        /// <summary>One timed operation: null on success, else why it failed.</summary>
        public abstract Task<string?> RunOnceAsync(CancellationToken ct);

        public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class HttpRoute(string name, DataSet set, HttpClient http, string path, Func<JsonElement, string?> check) : Route(name, set)
    {
        public override async Task<string?> CheckAsync(CancellationToken ct)
        {
            using var response = await http.GetAsync(path, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"GET {path} answered {(int)response.StatusCode}: {Shorten(text)}";
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return check(document.RootElement) is { } problem ? $"GET {path}: {problem}" : null;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Not JSON, or a field of another JSON type than expected.
                return $"GET {path}: unexpected answer ({e.Message}): {Shorten(text)}";
            }
        }

        /// <summary>The body is read in full, as a dashboard would, but parsed only by <see cref="CheckAsync"/>.</summary>
        public override async Task<string?> RunOnceAsync(CancellationToken ct)
        {
            try
            {
                using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                return response.StatusCode == HttpStatusCode.OK ? null : $"GET {path} answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                return e.Message;
            }
        }
    }

    /// <summary>One connection per client, opened on first use, as a pool would hold them.</summary>
    private sealed class NaiveRoute(DataSet set, string databaseFile) : Route("naive", set)
    {
        private readonly ConcurrentBag<NaiveDailyPayments> _idle = [];
        private readonly ConcurrentBag<NaiveDailyPayments> _all = [];

        public override async Task<string?> CheckAsync(CancellationToken ct)
        {
            var query = await RentAsync(ct);
            try
            {
                Progress.Write($"{Set.Label}: naive query plan: {await query.PlanAsync(ct)}");
                var days = await query.RunAsync(ct);
                var expected = RangeEnd.DayNumber - RangeStart.DayNumber + 1;
                return days.Count == expected && days[0].Day == RangeStart && days[^1].Day == RangeEnd
                    ? null
                    : $"gave {days.Count} days ({(days.Count > 0 ? $"{days[0].Day:yyyy-MM-dd} to {days[^1].Day:yyyy-MM-dd}" : "none")}), expected {expected}";
            }
            finally
            {
                _idle.Add(query);
            }
        }

        public override async Task<string?> RunOnceAsync(CancellationToken ct)
        {
            var query = await RentAsync(ct);
            try
            {
                await query.RunAsync(ct);
                return null;
            }
            catch (SqliteException e)
            {
                return e.Message;
            }
            finally
            {
                _idle.Add(query);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var query in _all)
            {
                await query.DisposeAsync();
            }
        }

        private async Task<NaiveDailyPayments> RentAsync(CancellationToken ct)
        {
            if (_idle.TryTake(out var query))
            {
                return query;
            }

            query = await NaiveDailyPayments.OpenAsync(databaseFile, Set.Uid, RangeStart, RangeEnd, ct);
            _all.Add(query);
            return query;
        }
    }
}

internal sealed record LoadReport(double Seconds, double RecordsPerSec, int Batches);

/// <summary>One route (or the naive query) on one data set at one concurrency.</summary>
internal sealed record CellReport(string Data, string Route, int Concurrency, double P50Ms, double P99Ms, long Requests, long Errors, double Seconds, double ServerCpuPct, double GeneratorCpuPct);

internal sealed record AnalyticsDataReport(int Users, int Payments, int Subscriptions, long BotUid, double LoadSeconds, double LoadRecordsPerSec, int LoadBatches);

/// <summary>Each goal of the scenario: true when met, false when missed, null when a route it needs was not there to measure.</summary>
internal sealed record AnalyticsGoals(bool? AnalyticsRatio, bool? SummaryRatio, bool? AnalyticsScale, bool? SummaryScale, bool? Paging);

/// <summary>The scenario's JSON line; property names become snake_case on the wire.</summary>
internal sealed record AnalyticsResult(
    string Scenario,
    double? Ratio,
    double? SummaryRatio,
    double? AnalyticsRatioC8,
    double? SummaryRatioC8,
    double? AnalyticsFullOverSmall,
    double? SummaryFullOverSmall,
    double? PaymentsPageP50Ms,
    double? PaymentsPageP99Ms,
    double NaiveP50Ms,
    double NaiveP99Ms,
    double? AnalyticsP50Ms,
    double? AnalyticsP99Ms,
    double? SummaryP50Ms,
    double? SummaryP99Ms,
    double LoadSeconds,
    AnalyticsGoals Goals,
    bool GoalMet,
    IReadOnlyDictionary<string, AnalyticsDataReport> Data,
    IReadOnlyList<CellReport> Cells,
    IReadOnlyList<string> NotMeasured,
    string Range,
    IReadOnlyDictionary<string, string> RaisedLimits,
    MachineInfo Machine,
    string Timestamp,
    string LoadGenerator,
    string Pinning)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static AnalyticsResult Create(IReadOnlyList<AnalyticsBench.DataSet> sets, IReadOnlyList<CellReport> cells, IReadOnlyList<string> notMeasured, CorePlan plan, DateTimeOffset at)
    {
        CellReport? Cell(string data, string route, int concurrency) =>
            cells.FirstOrDefault(c => c.Data == data && c.Route == route && c.Concurrency == concurrency);
        double? Ratio(CellReport? over, CellReport? under) => over is null || under is null || under.P50Ms <= 0 ? null : over.P50Ms / under.P50Ms;
        double? R(double? value) => value is { } v ? Math.Round(v, 3) : null;

        var naive = Cell("full", "naive", 1)!;
        var analytics = Cell("full", "analytics", 1);
        var summary = Cell("full", "summary", 1);
        var paging = Cell("full", "payments_page", 1);
        // From the unrounded figures, so rounding never moves a ratio across its goal.
        var ratio = Ratio(analytics, naive);
        var summaryRatio = Ratio(summary, naive);
        var analyticsScale = Ratio(analytics, Cell("small", "analytics", 1));
        var summaryScale = Ratio(summary, Cell("small", "summary", 1));
        var goals = new AnalyticsGoals(
            ratio is { } a ? a <= AnalyticsBench.GoalRatio : null,
            summaryRatio is { } s ? s <= AnalyticsBench.GoalRatio : null,
            analyticsScale is { } x ? x <= AnalyticsBench.GoalScale : null,
            summaryScale is { } y ? y <= AnalyticsBench.GoalScale : null,
            paging is { } p ? p.P99Ms < AnalyticsBench.GoalPagingP99Ms : null);
        bool?[] all = [goals.AnalyticsRatio, goals.SummaryRatio, goals.AnalyticsScale, goals.SummaryScale, goals.Paging];
        return new AnalyticsResult(
            AnalyticsBench.Name,
            R(ratio),
            R(summaryRatio),
            R(Ratio(Cell("full", "analytics", 8), Cell("full", "naive", 8))),
            R(Ratio(Cell("full", "summary", 8), Cell("full", "naive", 8))),
            R(analyticsScale),
            R(summaryScale),
            paging?.P50Ms,
            paging?.P99Ms,
            naive.P50Ms,
            naive.P99Ms,
            analytics?.P50Ms,
            analytics?.P99Ms,
            summary?.P50Ms,
            summary?.P99Ms,
            Math.Round(sets.Sum(s => s.Load.Seconds), 1),
            goals,
            all.All(g => g == true),
            sets.ToDictionary(s => s.Label, s => new AnalyticsDataReport(s.Size.Users, s.Size.Payments, s.Size.Subscriptions, s.Uid, s.Load.Seconds, s.Load.RecordsPerSec, s.Load.Batches)),
            cells,
            notMeasured,
            $"{AnalyticsBench.RangeStart:yyyy-MM-dd}..{AnalyticsBench.RangeEnd:yyyy-MM-dd}",
            AnalyticsBench.RaisedLimits,
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
            AnalyticsBench.Generator,
            plan.Description);
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>The closing progress line: the figures the goals are about.</summary>
    public string Summary() => string.Create(Invariant,
        $"analytics {Ms(AnalyticsP50Ms)} / summary {Ms(SummaryP50Ms)} / naive {NaiveP50Ms:0.000} ms p50 at ×1 (ratio {Num(Ratio)}, summary ratio {Num(SummaryRatio)}; goal ≤ {AnalyticsBench.GoalRatio}); "
        + $"full ÷ small: analytics {Num(AnalyticsFullOverSmall)}, summary {Num(SummaryFullOverSmall)} (goal ≤ {AnalyticsBench.GoalScale}); "
        + $"payments page {AnalyticsBench.PagingPage} p50 {Ms(PaymentsPageP50Ms)} / p99 {Ms(PaymentsPageP99Ms)} ms (goal p99 < {AnalyticsBench.GoalPagingP99Ms} ms); goals {(GoalMet ? "met" : "not all met")}");

    /// <summary>A row of the results table: the figures go in the scenario cell, since the table's columns are for ratio runs.</summary>
    public string ToMarkdownRow(string commandLine)
    {
        var date = DateTimeOffset.Parse(Timestamp, Invariant).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
        var sizes = string.Join("; ", Data.Select(d => string.Create(Invariant,
            $"{d.Key}: {d.Value.Users:N0} users, {d.Value.Payments:N0} payments, {d.Value.Subscriptions:N0} subscriptions loaded in {d.Value.LoadSeconds:0.#} s ({d.Value.LoadRecordsPerSec:0} records/s)")));
        var perCell = string.Join("; ", Cells.Select(c => string.Create(Invariant, $"{c.Data} {c.Route} ×{c.Concurrency} {c.P50Ms:0.00}/{c.P99Ms:0.00}")));
        var missing = NotMeasured.Count == 0 ? string.Empty : $"; not measured: {string.Join("; ", NotMeasured)}";
        var scenario = $"{Scenario} ({sizes}; {Range}; p50/p99 ms: {perCell}{missing}; limits raised for the bench: {BenchResult.Describe(RaisedLimits)}; load: {LoadGenerator}; pinning: {Pinning})";
        var goal = string.Create(Invariant,
            $"analytics, summary ≤ {AnalyticsBench.GoalRatio}× naive ({Verdict(Goals.AnalyticsRatio)}, {Verdict(Goals.SummaryRatio)}), full ≤ {AnalyticsBench.GoalScale}× small ({Verdict(Goals.AnalyticsScale)}, {Verdict(Goals.SummaryScale)}), page {AnalyticsBench.PagingPage} p99 < {AnalyticsBench.GoalPagingP99Ms} ms ({Verdict(Goals.Paging)})");
        var seconds = Cells.Sum(c => c.Seconds).ToString("0.#", Invariant);
        return $"| {date} | {scenario} | {string.Join(", ", AnalyticsBench.Concurrencies)} | {seconds} | — | {Ms(AnalyticsP99Ms)} | — | {NaiveP99Ms.ToString("0.000", Invariant)} | {Num(Ratio)} | {goal} | `{commandLine.Replace("|", "\\|", StringComparison.Ordinal)}` |";
    }

    private static string Verdict(bool? met) => met switch
    {
        true => "met",
        false => "missed",
        null => "not measured",
    };

    private static string Ms(double? value) => value is { } v ? v.ToString("0.000", Invariant) : "—";

    private static string Num(double? value) => value is { } v ? v.ToString("0.000", Invariant) : "—";
}
