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
/// <c>economy-gifts</c>: gifts per second and p99 at <c>--connections</c> clients (default 64) through
/// <c>POST /api/economy/gift</c>, against a raw ADO.NET transfer on a SQLite file of the same kind in
/// the same run (<see cref="RawSqliteTransfers"/>), the storage's own limit. Players (4 per client)
/// register with <c>POST /reg</c>, the bootstrap admin grants each <see cref="GrantPerPlayer"/>
/// tokens, and every client then gives 1 token from one of its players to the next player of a ring
/// as fast as it can, over keep-alive. Both sides run in alternating rounds; after the run each
/// side's ledger is checked (<see cref="InvariantReport"/>): the goal is ratio ≥ 0.5 with 0 violations.
/// </summary>
internal static class EconomyGiftsBench
{
    public const string Name = "economy-gifts";
    public const double GoalRatio = 0.5;
    public const int AccountsPerClient = 4;
    public const long GiftAmount = 1;

    /// <summary>Far more than a player gives in a run: the ring moves about as much into each wallet as out of it.</summary>
    public const long GrantPerPlayer = 1_000_000;

    private const string GiftPath = "/api/economy/gift";
    private const string AdminEmail = "economy-bench-admin@example.com";

    // Without it a server that refuses connections would turn every client into a busy spin.
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromMilliseconds(10);

    /// <summary>A fresh secret per run, handed to this run's server only (in its environment, as start-up requires).</summary>
    private static readonly string AdminPassword = RandomNumberGenerator.GetHexString(32);

    public static readonly IReadOnlyDictionary<string, string> RaisedLimits = new Dictionary<string, string>
    {
        // Setup registers every player, and the admin signs in, through the per-address authentication limiter.
        // Gifts themselves draw from no limiter: SendGiftCommand is not an IRateLimitedRequest.
        ["RateLimiting:AuthenticationPermitsPerMinute"] = "1000000",
    };

    /// <summary>Not limits: the bootstrap admin that grants the tokens (never printed: it holds the password).</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Identity:BootstrapAdmin:Email"] = AdminEmail,
        ["Identity:BootstrapAdmin:Password"] = AdminPassword,
    };

    public const string Generator = ".NET HttpClient in the bench process; the raw transfers on Microsoft.Data.Sqlite in the bench process";

    public const string BaselineDescription =
        "raw ADO.NET transfer (Microsoft.Data.Sqlite) in the bench process on its own fresh SQLite file (WAL, the application's connection string and defaults): "
        + "BEGIN IMMEDIATE, guarded debit, credit, two ledger inserts, COMMIT; writers queued on one in-process gate as the application's are";

    public static async Task<EconomyGiftsResult> RunAsync(RunningServer server, string databaseFile, string baselineFile, BenchOptions options, CorePlan plan, CancellationToken ct)
    {
        var clients = options.Connections;
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var count = clients * AccountsPerClient;
        Progress.Write($"registering {count} players ({AccountsPerClient} per client)");
        var players = await MafiaGamesBench.RegisterAsync(http, count, ct);
        var admin = await SignInAdminAsync(http, ct);
        Progress.Write($"granting {GrantPerPlayer:N0} tokens to each player as the bootstrap admin");
        await ForEachAsync(players, async player =>
        {
            var body = JsonContent.Create(new { user_id = Id(player.Id), amount = GrantPerPlayer, reason = "economy-gifts bench" });
            await SendAsync(http, HttpMethod.Post, "/api/economy/admin/grant", admin, body, ct);
        });
        var granted = count * GrantPerPlayer;
        var first = await SendAsync(http, HttpMethod.Get, "/api/economy/balance", players[0].Token, null, ct);
        if (first.GetProperty("offchain").GetInt64() != GrantPerPlayer)
        {
            throw new BenchException($"after the grant, player {players[0].Id} holds {first.GetRawText()}, not {GrantPerPlayer}");
        }

        Progress.Write($"baseline: {count} wallets of {GrantPerPlayer:N0} in {baselineFile}");
        await using var baseline = await RawSqliteTransfers.CreateAsync(baselineFile, count, GrantPerPlayer, clients, ct);
        Progress.Write($"baseline connection: {baseline.Pragmas}");

        var gifts = new GiftClients(http, players, clients);
        var budget = LoadGenerator.InProcess(plan, Generator).Budget;
        var duration = TimeSpan.FromSeconds(Math.Max(1.0, options.Seconds / (double)options.Rounds));
        var target = new List<MeasuredRound>();
        var reference = new List<MeasuredRound>();
        for (var i = 0; i < options.Rounds; i++)
        {
            var warmup = options.WarmupFor(i);
            var number = i + 1;
            Task<MeasuredRound> Baseline() => MeasureAsync(ServerTarget.Baseline, number, clients, warmup, duration,
                (client, n, token) => baseline.TransferAsync(client, Giver(client, n, clients), Receiver(client, n, clients, count), GiftAmount, token), server, plan, budget, ct);
            Task<MeasuredRound> CleanGames() => MeasureAsync(ServerTarget.CleanGames, number, clients, warmup, duration, gifts.GiveAsync, server, plan, budget, ct);
            if (i % 2 == 0)
            {
                reference.Add(await Baseline());
                target.Add(await CleanGames());
            }
            else
            {
                target.Add(await CleanGames());
                reference.Add(await Baseline());
            }
        }

        Progress.Write("checking the ledgers");
        var cleanGamesInvariants = await CheckCleanGamesAsync(http, players, granted, gifts, databaseFile, ct);
        Progress.Write($"CleanGames ledger: {cleanGamesInvariants.Describe()}");
        var baselineInvariants = await baseline.CheckAsync(ct);
        Progress.Write($"baseline ledger: {baselineInvariants.Describe()}");
        foreach (var (status, times) in gifts.Refusals.OrderBy(r => r.Key))
        {
            Progress.Write($"CleanGames answered {status} {times} times; first such answer: {gifts.FirstRefusal}");
        }

        var result = EconomyGiftsResult.Create(target, reference, cleanGamesInvariants, baselineInvariants, gifts, count, clients, baseline.Pragmas, budget, plan, DateTimeOffset.UtcNow);
        Progress.Write(result.Summary());
        return result;
    }

    /// <summary>The <paramref name="n"/>-th operation of a client comes from its players in turn: client, client + clients, ….</summary>
    private static int Giver(int client, long n, int clients) => client + (clients * (int)(n % AccountsPerClient));

    /// <summary>The next player of the ring: every wallet gives to one and receives from one, so none runs dry.</summary>
    private static int Receiver(int client, long n, int clients, int players) => (Giver(client, n, clients) + 1) % players;

    private static async Task<string> SignInAdminAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/auth", new { email = AdminEmail, password = AdminPassword }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"the bootstrap admin could not sign in: POST /auth answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.GetProperty("tokens").GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// Σ balances (read through <c>GET /api/economy/balance</c> as each player) = Σ granted and none
    /// negative; then, from the server's SQLite file opened read-only (WAL lets it read beside the idle
    /// server), every gift answered 200 is a recorded gift transaction, every transaction's entries
    /// balance, and every wallet's balance is the sum of its entries.
    /// </summary>
    private static async Task<InvariantReport> CheckCleanGamesAsync(HttpClient http, (long Id, string Token)[] players, long granted, GiftClients gifts, string databaseFile, CancellationToken ct)
    {
        var balances = new long[players.Length];
        await ForEachAsync(Enumerable.Range(0, players.Length).ToArray(), async i =>
            balances[i] = (await SendAsync(http, HttpMethod.Get, "/api/economy/balance", players[i].Token, null, ct)).GetProperty("offchain").GetInt64());

        var builder = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        var recorded = new HashSet<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM economy_transactions WHERE Kind = 'Gift'";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                recorded.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        var acknowledged = gifts.Acknowledged;
        var missing = acknowledged.Count(id => !recorded.Contains(id));
        return new InvariantReport(
            Operations: acknowledged.Count,
            Recorded: acknowledged.Count - missing,
            Missing: missing,
            RecordedUnanswered: recorded.Count - (acknowledged.Count - missing),
            ExpectedTotal: granted,
            Total: balances.Sum(),
            Negative: balances.Count(b => b < 0),
            Unbalanced: await ScalarAsync(connection, "SELECT COUNT(*) FROM (SELECT TransactionId FROM economy_ledger_entries GROUP BY TransactionId HAVING SUM(Amount) <> 0)", ct),
            BalanceNotEntries: await ScalarAsync(connection,
                "SELECT COUNT(*) FROM economy_wallets w WHERE w.Balance <> (SELECT COALESCE(SUM(e.Amount), 0) FROM economy_ledger_entries e WHERE e.AccountId = w.Id)", ct),
            AnswersLost: gifts.AnswersLost);
    }

    /// <summary>
    /// One round of one side, as <see cref="LoadDriver"/> measures a round: a closed loop of
    /// <paramref name="clients"/> clients, the warm-up discarded without pausing, an operation counted
    /// when it started inside the window, CPU read at the window's edges.
    /// </summary>
    private static async Task<MeasuredRound> MeasureAsync(ServerTarget side, int number, int clients, TimeSpan warmup, TimeSpan duration, Func<int, long, CancellationToken, Task<bool>> operation, RunningServer server, CorePlan plan, CpuBudget budget, CancellationToken ct)
    {
        var what = side == ServerTarget.CleanGames ? "gifts" : "raw transfers";
        Progress.Write($"{side} round {number}: {what}, {clients} clients, {warmup.TotalSeconds:0.#} s warmup + {duration.TotalSeconds:0.#} s measured");
        var start = Stopwatch.GetTimestamp() + ToTicks(warmup);
        var end = start + ToTicks(duration);
        var cpuTask = MeasureCpuAsync(server, plan, start, end, ct);
        var tallies = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var ticks = new List<long>(16 * 1024);
            var errors = 0L;
            for (var n = 0L; Stopwatch.GetTimestamp() < end; n++)
            {
                ct.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                bool ok;
                var failed = false;
                try
                {
                    ok = await operation(client, n, ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    ok = false;
                    failed = true;
                }

                var ended = Stopwatch.GetTimestamp();
                if (started >= start && started < end)
                {
                    if (ok)
                    {
                        ticks.Add(ended - started);
                    }
                    else
                    {
                        errors++;
                    }
                }

                if (failed)
                {
                    await Task.Delay(FailureBackoff, ct);
                }
            }

            return (Ticks: ticks, Errors: errors);
        }, ct)));

        var sample = await cpuTask;
        // The baseline has no server process: the storage runs in this process, so its CPU is the bench's
        // (the window's "generator" figures), reported as the baseline's server; it has no separate generator.
        var cpu = side == ServerTarget.CleanGames
            ? sample
            : new CpuSample(sample.WallSeconds, sample.GeneratorSeconds, 0, sample.GeneratorCoresBusySeconds, sample.GeneratorCoresBusySeconds);
        var samples = tallies.Select(t => t.Ticks).ToList();
        var result = new LoadResult(samples.Sum(s => (long)s.Count), tallies.Sum(t => t.Errors), duration.TotalSeconds, LatencyStats.Summarize(samples), samples, cpu);
        // The baseline's workers are its storage: there is no load generator apart from it to saturate.
        var notCounting = side == ServerTarget.CleanGames ? budget.WhyNotCounting(cpu) : null;
        var cpuText = side == ServerTarget.CleanGames
            ? string.Create(CultureInfo.InvariantCulture, $"CPU server {cpu.ServerPercent:0}% / load generator {cpu.GeneratorPercent:0}% of one core, their cores busy with anything {BenchResult.Busy(cpu.ServerCoresBusyPercent)}% / {BenchResult.Busy(cpu.GeneratorCoresBusyPercent)}%")
            : string.Create(CultureInfo.InvariantCulture, $"CPU of the bench process (workers and SQLite) {cpu.ServerPercent:0}% of one core, its cores busy with anything {BenchResult.Busy(cpu.ServerCoresBusyPercent)}%");
        Progress.Write(string.Create(CultureInfo.InvariantCulture,
            $"{side} round {number}: {result.OpsPerSec:0.0} {what}/s, p50 {result.Latency.P50Ms:0.000} ms, p99 {result.Latency.P99Ms:0.000} ms, {result.Errors} errors; {cpuText}"));
        if (notCounting is not null)
        {
            Progress.Write($"{side} round {number} NOT COUNTING: {notCounting}");
        }

        return new MeasuredRound(side, number, result, notCounting);
    }

    private static async Task<CpuSample> MeasureCpuAsync(RunningServer server, CorePlan plan, long start, long end, CancellationToken ct)
    {
        await Task.Delay(Until(start), ct);
        var cpu = CpuWindow.Open(server, plan);
        await Task.Delay(Until(end), ct);
        return cpu.Close();
    }

    private static TimeSpan Until(long timestamp) => TimeSpan.FromTicks(Math.Max(0, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp).Ticks));

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Setup and checks, 8 requests at a time (as players register in the Mafia bench). Also used by <c>matchmaking</c>.</summary>
    internal static async Task ForEachAsync<T>(T[] items, Func<T, Task> action)
    {
        using var parallel = new SemaphoreSlim(8);
        await Task.WhenAll(items.Select(async item =>
        {
            await parallel.WaitAsync();
            try
            {
                await action(item);
            }
            finally
            {
                parallel.Release();
            }
        }));
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string token, HttpContent? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The CleanGames side's operation: one <c>POST /api/economy/gift {to_user, amount: 1}</c> as the
    /// giver, on the shared keep-alive pool. Every 200 answer's transaction id is kept, warm-ups included,
    /// for the ledger check.
    /// </summary>
    internal sealed class GiftClients
    {
        private readonly HttpClient _http;
        private readonly (long Id, string Token)[] _players;
        private readonly int _clients;
        private readonly byte[][] _bodies;
        private readonly List<Guid>[] _acknowledged;
        private readonly ConcurrentDictionary<int, long> _refusals = new();
        private string? _firstRefusal;
        private long _answersLost;

        public GiftClients(HttpClient http, (long Id, string Token)[] players, int clients)
        {
            _http = http;
            _players = players;
            _clients = clients;
            _acknowledged = Enumerable.Range(0, clients).Select(_ => new List<Guid>(64 * 1024)).ToArray();
            // Each player always gives to the same receiver, so its body is built once.
            _bodies = players.Select((_, giver) => JsonSerializer.SerializeToUtf8Bytes(new { to_user = Id(players[(giver + 1) % players.Length].Id), amount = GiftAmount })).ToArray();
        }

        /// <summary>Non-200 answers by status code.</summary>
        public IReadOnlyDictionary<int, long> Refusals => _refusals;

        public string? FirstRefusal => _firstRefusal;

        /// <summary>Requests that ended in an exception: the gift may or may not have been made.</summary>
        public long AnswersLost => Interlocked.Read(ref _answersLost);

        public IReadOnlyCollection<Guid> Acknowledged => _acknowledged.SelectMany(ids => ids).ToList();

        public async Task<bool> GiveAsync(int client, long n, CancellationToken ct)
        {
            var giver = Giver(client, n, _clients);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, GiftPath) { Content = new ByteArrayContent(_bodies[giver]) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _players[giver].Token);
                using var response = await _http.SendAsync(request, ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    _refusals.AddOrUpdate((int)response.StatusCode, 1, (_, times) => times + 1);
                    Interlocked.CompareExchange(ref _firstRefusal, $"{(int)response.StatusCode} {Encoding.UTF8.GetString(body)}", null);
                    return false;
                }

                _acknowledged[client].Add(IdOf(body));
                return true;
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref _answersLost);
                throw;
            }
        }

        /// <summary>The <c>id</c> of the answered transaction (the caller's debit).</summary>
        private static Guid IdOf(byte[] body)
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    return Guid.Parse(reader.GetString()!);
                }
            }

            throw new BenchException($"a gift answered 200 without an id: {Encoding.UTF8.GetString(body)}");
        }
    }
}

/// <summary>Both sides' ledgers after the run.</summary>
internal sealed record EconomyInvariants(InvariantReport CleanGames, InvariantReport Baseline);

/// <summary>The scenario's JSON line; property names become snake_case on the wire.</summary>
internal sealed record EconomyGiftsResult(
    string Scenario,
    double Ratio,
    double GoalRatio,
    long InvariantViolations,
    bool GoalMet,
    bool Counts,
    double GiftsPerSec,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    long Gifts,
    long Errors,
    IReadOnlyDictionary<string, long> ErrorsByStatus,
    double BaselineTransfersPerSec,
    double BaselineP50Ms,
    double BaselineP95Ms,
    double BaselineP99Ms,
    long BaselineTransfers,
    long BaselineErrors,
    EconomyInvariants Invariants,
    int Players,
    int Connections,
    double Seconds,
    long GrantPerPlayer,
    long GiftAmount,
    IReadOnlyDictionary<string, string> RaisedLimits,
    string Baseline,
    string BaselinePragmas,
    MachineInfo Machine,
    string Timestamp,
    string LoadGenerator,
    string Pinning,
    CpuReport Cpu,
    IReadOnlyList<RoundReport> Rounds)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Pools each side's rounds as the other scenarios do (<see cref="MeasuredRound.Pool"/>).</summary>
    public static EconomyGiftsResult Create(
        IReadOnlyList<MeasuredRound> targetRounds, IReadOnlyList<MeasuredRound> baselineRounds, InvariantReport cleanGames, InvariantReport baseline,
        EconomyGiftsBench.GiftClients gifts, int players, int connections, string pragmas, CpuBudget budget, CorePlan plan, DateTimeOffset at)
    {
        var (target, targetCounts) = MeasuredRound.Pool(targetRounds);
        var (reference, baselineCounts) = MeasuredRound.Pool(baselineRounds);
        var counts = targetCounts && baselineCounts;
        // From the unrounded figures, so rounding never moves a ratio across its goal.
        var ratio = reference.OpsPerSec > 0 ? target.OpsPerSec / reference.OpsPerSec : 0;
        var violations = cleanGames.Violations + baseline.Violations;
        return new EconomyGiftsResult(
            EconomyGiftsBench.Name,
            Math.Round(ratio, 3),
            EconomyGiftsBench.GoalRatio,
            violations,
            counts && ratio >= EconomyGiftsBench.GoalRatio && violations == 0,
            counts,
            Math.Round(target.OpsPerSec, 1),
            Math.Round(target.Latency.P50Ms, 3),
            Math.Round(target.Latency.P95Ms, 3),
            Math.Round(target.Latency.P99Ms, 3),
            target.Requests,
            target.Errors,
            gifts.Refusals.OrderBy(r => r.Key).ToDictionary(r => r.Key.ToString(Invariant), r => r.Value),
            Math.Round(reference.OpsPerSec, 1),
            Math.Round(reference.Latency.P50Ms, 3),
            Math.Round(reference.Latency.P95Ms, 3),
            Math.Round(reference.Latency.P99Ms, 3),
            reference.Requests,
            reference.Errors,
            new EconomyInvariants(cleanGames, baseline),
            players,
            connections,
            Math.Round(target.Seconds, 2),
            EconomyGiftsBench.GrantPerPlayer,
            EconomyGiftsBench.GiftAmount,
            EconomyGiftsBench.RaisedLimits,
            EconomyGiftsBench.BaselineDescription,
            pragmas,
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
            EconomyGiftsBench.Generator,
            plan.Description,
            new CpuReport(budget.ServerCores, budget.GeneratorCores, SideCpu.From(target.Cpu), SideCpu.From(reference.Cpu)),
            [.. targetRounds.Concat(baselineRounds).OrderBy(r => r.Number).ThenBy(r => r.Target).Select(RoundReport.From)]);
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>The closing progress line: the figures the goal is about.</summary>
    public string Summary()
    {
        var verdict = GoalMet ? "met" : Counts ? "missed" : "not counting";
        var notCounting = Counts ? string.Empty : "THE RUN DOES NOT COUNT: the load generator saturated first in every CleanGames round; ";
        return string.Create(Invariant,
            $"gifts {GiftsPerSec:0.0}/s (p99 {P99Ms:0.000} ms) vs raw transfers {BaselineTransfersPerSec:0.0}/s (p99 {BaselineP99Ms:0.000} ms): ratio {Ratio:0.000} (goal ≥ {GoalRatio}); invariant violations {InvariantViolations} (CleanGames {Invariants.CleanGames.Violations}, baseline {Invariants.Baseline.Violations}); CPU % of one core: CleanGames server {Cpu.CleanGames.ServerPct:0} / generator {Cpu.CleanGames.GeneratorPct:0}, baseline (bench process) {Cpu.Baseline.ServerPct:0}; {notCounting}goal {verdict}");
    }

    /// <summary>A row of the results table, in the columns of the ratio scenarios; the ledger checks go in the scenario cell.</summary>
    public string ToMarkdownRow(string commandLine)
    {
        var date = DateTimeOffset.Parse(Timestamp, Invariant).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
        var excluded = string.Join(", ", Rounds.Where(r => !r.Counts).Select(r => r.Round.ToString(Invariant)));
        var notes = new List<string>
        {
            string.Create(Invariant, $"{Players} players, gifts of {GiftAmount} in a ring; invariant violations: CleanGames {Invariants.CleanGames.Violations} over {Invariants.CleanGames.Operations} gifts answered 200, baseline {Invariants.Baseline.Violations} over {Invariants.Baseline.Operations} transfers; errors {Errors}"),
            $"baseline: {Baseline}",
            $"limits raised for the bench: {BenchResult.Describe(RaisedLimits)}",
            $"load: {LoadGenerator}; pinning: {Pinning}",
            string.Create(Invariant, $"CPU % of one core, server / load generator: CleanGames {Cpu.CleanGames.ServerPct:0} / {Cpu.CleanGames.GeneratorPct:0}, baseline (bench process) {Cpu.Baseline.ServerPct:0}"),
            $"their cores busy with anything, %: CleanGames {BenchResult.Busy(Cpu.CleanGames.ServerCoresBusyPct)} / {BenchResult.Busy(Cpu.CleanGames.GeneratorCoresBusyPct)}, baseline {BenchResult.Busy(Cpu.Baseline.ServerCoresBusyPct)}",
        };
        if (excluded.Length > 0)
        {
            notes.Add($"CleanGames rounds not counting (load generator saturated first){(Counts ? ", left out" : string.Empty)}: {excluded}");
        }

        var verdict = !Counts ? "not counting: the load generator saturated before the server" : GoalMet ? "met" : "missed";
        string[] cells =
        [
            date,
            $"{Scenario} ({string.Join("; ", notes)})",
            Connections.ToString(Invariant),
            Seconds.ToString("0.##", Invariant),
            GiftsPerSec.ToString("0.0", Invariant),
            P99Ms.ToString("0.000", Invariant),
            BaselineTransfersPerSec.ToString("0.0", Invariant),
            BaselineP99Ms.ToString("0.000", Invariant),
            Ratio.ToString("0.000", Invariant) + (Counts ? string.Empty : " (not counting)"),
            string.Create(Invariant, $"ratio ≥ {GoalRatio:0.0##}, 0 invariant violations ({verdict})"),
            $"`{commandLine.Replace("|", "\\|", StringComparison.Ordinal)}`",
        ];
        return $"| {string.Join(" | ", cells)} |";
    }
}
