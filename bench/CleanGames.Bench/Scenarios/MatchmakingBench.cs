using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Load;
using CleanGames.Bench.Reporting;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Matchmaking;

namespace CleanGames.Bench.Scenarios;

/// <summary>
/// <c>matchmaking</c>: <see cref="Players"/> players join the Mafia queue
/// (<c>POST /api/matchmaking/queue/join?mode&amp;languages</c>) at an even pace over
/// <see cref="JoinSeconds"/> s (one every 5 ms, against a stopwatch, each fired without waiting for
/// the one before), across 2 modes (half <c>classic</c>, half <c>quick</c>) and 3 languages
/// (<c>en</c>, <c>ru</c>, <c>es</c>) drawn from a seeded <see cref="Random"/> (<see cref="Seed"/>).
/// Each player speaks exactly one language and widening is off (<c>Matchmaking:WidenAfterSeconds</c>
/// 3600), so only full tables form and the ideal is exact: Σ over (mode, language) of ⌊players ÷
/// table size⌋. Every player holds <c>/ws/notifications</c> open from before its join; its time to
/// match is the arrival of its <c>match_found</c> − the sending of its join. Baseline in the same run:
/// the same arrival schedule replayed through the domain's <see cref="QueueMatcher.Plan"/> on every
/// arrival, in this process, which gives each player's ideal online time to match (from its scheduled
/// join to the arrival that completes its table). Goal: games formed = ideal games, match p99 &lt; 2 s,
/// and 0 invariant violations (each game heard by exactly its mode's table size of players, all of one
/// mode and one language; no player told twice).
/// </summary>
internal static class MatchmakingBench
{
    public const string Name = "matchmaking";
    public const int Players = 2_000;
    public const int JoinSeconds = 10;
    public const int Seed = 20_261_205;
    public const double GoalP99Ms = 2_000;

    public static readonly string[] Modes = ["classic", "quick"];
    public static readonly string[] Languages = ["en", "ru", "es"];

    /// <summary>Two quick tables in a language no measured player speaks, matched before the timed part so that it measures no JIT.</summary>
    private const int WarmupPlayers = 8;

    private const string WarmupMode = "quick";
    private const string WarmupLanguage = "fr";

    /// <summary>After the last join, the run ends once no <c>match_found</c> has come for this long, and at the latest after <see cref="SettleLimit"/>.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(20);

    /// <summary>A socket waits this long for its next frame: through the whole setup, the joins and the settling.</summary>
    private static readonly TimeSpan SocketTimeout = TimeSpan.FromMinutes(15);

    private const int ReceiveBufferBytes = 32 * 1024;
    private const string ModesFile = "src/Infrastructure/Mafia/Data/matchmaking-modes.json";

    public static readonly IReadOnlyDictionary<string, string> RaisedLimits = new Dictionary<string, string>
    {
        // Setup registers every player through the per-address authentication limiter.
        ["RateLimiting:AuthenticationPermitsPerMinute"] = "1000000",
        // Every player's /ws/notifications socket comes from loopback (the default is 256 per address).
        ["Realtime:MaxConnectionsPerAddress"] = "4096",
    };

    /// <summary>Not limits: they make the comparison with the ideal exact.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        // No widening: only full tables form, so the ideal full-table count is the exact target.
        ["Matchmaking:WidenAfterSeconds"] = "3600",
        // A socket the bench loses does not take its player out of the queue: it shows as a violation (a game short of a listener), not as a game never formed.
        ["Matchmaking:DisconnectGraceSeconds"] = "3600",
    };

    public const string Generator = ".NET HttpClient and ClientWebSocket in the bench process";

    public const string BaselineDescription =
        "the same arrival schedule replayed through the domain's QueueMatcher.Plan on every arrival, in the bench process: each player's ideal online time to match, from its scheduled join to the arrival that completes its table";

    public static async Task<MatchmakingResult> RunAsync(RunningServer server, CorePlan plan, CancellationToken ct)
    {
        var modes = ReadModes(Path.Combine(Toolchain.FindRepoRoot(), ModesFile));
        var seats = Assign(modes);
        var interval = Stopwatch.Frequency * JoinSeconds / Players;
        Progress.Write(string.Create(CultureInfo.InvariantCulture,
            $"{Players} players over {JoinSeconds} s (one join every {interval * 1000.0 / Stopwatch.Frequency:0.###} ms), seed {Seed}: {string.Join(", ", Groups(seats, modes).Select(g => $"{g.Mode}/{g.Language} {g.Players} (ideal {g.IdealGames})"))}"));

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Progress.Write($"registering {Players} players and {WarmupPlayers} for the warm-up");
        var accounts = await MafiaGamesBench.RegisterAsync(http, Players + WarmupPlayers, ct);

        Progress.Write($"opening {accounts.Length} /ws/notifications sockets");
        var clock = new MatchClock();
        var listeners = new Listener[accounts.Length];
        var notifications = new ScenarioContext(ServerTarget.CleanGames, server.BaseAddress, http).WebSocketAddress("/ws/notifications");
        try
        {
            await EconomyGiftsBench.ForEachAsync(Enumerable.Range(0, accounts.Length).ToArray(), async i =>
                listeners[i] = await Listener.OpenAsync(notifications, accounts[i].Token, clock, ct));
            await WarmUpAsync(http, accounts[Players..], listeners[Players..], ct);

            Progress.Write($"joining: {Players} players over {JoinSeconds} s");
            var joins = new JoinTally(Players);
            var window = CpuWindow.Open(server, plan);
            var start = Stopwatch.GetTimestamp();
            var pending = new Task[Players];
            for (var next = 0; next < Players;)
            {
                var now = Stopwatch.GetTimestamp();
                for (; next < Players && now - start >= next * interval; next++)
                {
                    joins.Scheduled[next] = start + (next * interval);
                    pending[next] = JoinAsync(http, accounts[next].Token, seats[next], joins, next, ct);
                }

                if (next < Players)
                {
                    // At least 1 ms: a shorter delay completes at once and would spin; a late join is sent with the next batch (lateness is reported).
                    await Task.Delay(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, Until(start + (next * interval)).Ticks)), ct);
                }
            }

            var lastJoin = Stopwatch.GetTimestamp();
            await Task.WhenAll(pending);
            // Quiet is counted from the last answer too: while joins are still being answered, the server is still busy with them.
            var settled = await SettleAsync(clock, Stopwatch.GetTimestamp(), lastJoin, ct);
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var cpu = window.Close();
            var budget = LoadGenerator.InProcess(plan, Generator).Budget;
            var notCounting = budget.WhyNotCounting(cpu);
            Progress.Write(budget.Describe(cpu, notCounting));
            if (!settled)
            {
                Progress.Write($"match_found kept coming {SettleLimit.TotalSeconds:0} s after the last join; the run stopped listening there");
            }

            await CloseAllAsync(listeners);
            var games = Tally(listeners[..Players], joins, seats, modes, lastJoin);
            foreach (var violation in games.Violations.Take(20))
            {
                Progress.Write("violation: " + violation);
            }

            var lost = listeners.Take(Players).Where(l => l.Lost is not null).ToArray();
            if (lost.Length > 0)
            {
                Progress.Write($"{lost.Length} sockets lost during the run; the first: {lost[0].Lost}");
            }

            foreach (var (status, times) in joins.Refusals.OrderBy(r => r.Key))
            {
                Progress.Write($"a join answered {status} {times} times; the first: {joins.FirstRefusal}");
            }

            var baseline = Replay(seats, modes, interval);
            Progress.Write(string.Create(CultureInfo.InvariantCulture,
                $"baseline: {baseline.Games} games, {Players} arrivals replayed through QueueMatcher.Plan in {baseline.ReplayMs:0.0} ms"));
            var result = MatchmakingResult.Create(seats, modes, games, joins, baseline, lost.Length, seconds, settled, cpu, budget, notCounting, plan, DateTimeOffset.UtcNow);
            Progress.Write(result.Summary());
            return result;
        }
        finally
        {
            // Also after a failure part-way through opening: the sockets opened so far.
            await CloseAllAsync(listeners);
        }
    }

    /// <summary>A player's seat in the run: its mode and its one language.</summary>
    internal sealed record Seat(string Mode, string Language);

    /// <summary>Players of one (mode, language) and the games they can form at full size.</summary>
    internal sealed record Group(string Mode, string Language, int Players, int TableSize, int IdealGames);

    /// <summary>Exactly half of the players in each mode (shuffled), each with one language drawn uniformly, all from <see cref="Seed"/>.</summary>
    private static Seat[] Assign(IReadOnlyDictionary<string, MatchmakingMode> modes)
    {
        var random = new Random(Seed);
        var byMode = Enumerable.Range(0, Players).Select(i => Modes[i * Modes.Length / Players]).ToArray();
        random.Shuffle(byMode);
        foreach (var mode in Modes.Where(m => !modes.ContainsKey(m)))
        {
            throw new BenchException($"{ModesFile} has no mode '{mode}'");
        }

        return byMode.Select(mode => new Seat(mode, Languages[random.Next(Languages.Length)])).ToArray();
    }

    internal static IReadOnlyList<Group> Groups(IReadOnlyList<Seat> seats, IReadOnlyDictionary<string, MatchmakingMode> modes) =>
        [.. from mode in Modes
            from language in Languages
            let players = seats.Count(s => s.Mode == mode && s.Language == language)
            select new Group(mode, language, players, modes[mode].Players, players / modes[mode].Players)];

    /// <summary>The server's own mode table (the WebApi embeds this file), so that table sizes never drift from it.</summary>
    private static Dictionary<string, MatchmakingMode> ReadModes(string path)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(path));
        return file.RootElement.GetProperty("modes").EnumerateArray()
            .Select(m => new MatchmakingMode(m.GetProperty("mode").GetString()!, m.GetProperty("players").GetInt32(), m.GetProperty("min_players").GetInt32(), GameSettings.Default))
            .ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>Two full tables of a language no measured player speaks: the join, the matcher, the game start and the notification run once before the timed part.</summary>
    private static async Task WarmUpAsync(HttpClient http, (long Id, string Token)[] accounts, Listener[] listeners, CancellationToken ct)
    {
        Progress.Write($"warm-up: {accounts.Length} {WarmupMode} players in '{WarmupLanguage}'");
        var tally = new JoinTally(accounts.Length);
        await Task.WhenAll(accounts.Select((a, i) => JoinAsync(http, a.Token, new Seat(WarmupMode, WarmupLanguage), tally, i, ct)));
        var deadline = Stopwatch.GetTimestamp() + (long)(30 * Stopwatch.Frequency);
        while (listeners.Any(l => l.GameId is null) && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50, ct);
        }

        if (tally.Refusals.Count > 0 || listeners.Any(l => l.GameId is null))
        {
            throw new BenchException($"the warm-up players were not all matched within 30 s: {listeners.Count(l => l.GameId is not null)} of {listeners.Length} heard match_found; joins refused: {tally.FirstRefusal ?? "none"}");
        }
    }

    private static async Task JoinAsync(HttpClient http, string token, Seat seat, JoinTally tally, int index, CancellationToken ct)
    {
        var path = $"/api/matchmaking/queue/join?mode={seat.Mode}&languages={seat.Language}";
        var sent = tally.SentAt[index] = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            tally.Answered(index, Stopwatch.GetTimestamp() - sent, (int)response.StatusCode,
                response.StatusCode == HttpStatusCode.OK && text.Contains("\"queued\"", StringComparison.Ordinal) ? null : text);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            tally.Answered(index, Stopwatch.GetTimestamp() - sent, 0, e.Message);
        }
    }

    /// <summary>Waits until no <c>match_found</c> has come for <see cref="Quiet"/> since <paramref name="answered"/>; false when <see cref="SettleLimit"/> after the last join was sent came first.</summary>
    private static async Task<bool> SettleAsync(MatchClock clock, long answered, long lastJoin, CancellationToken ct)
    {
        var limit = lastJoin + (long)(SettleLimit.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var quietSince = Math.Max(clock.Last, answered);
            if (Stopwatch.GetElapsedTime(quietSince) >= Quiet)
            {
                return true;
            }

            if (Stopwatch.GetTimestamp() >= limit)
            {
                return false;
            }

            await Task.Delay(100, ct);
        }
    }

    private static async Task CloseAllAsync(Listener?[] listeners) =>
        await Task.WhenAll(listeners.Where(l => l is not null).Select(l => l!.DisposeAsync().AsTask()));

    /// <summary>The games the players heard of, and every break of the invariants.</summary>
    /// <param name="GamesByLastJoin">Games first heard of before the last join was sent: how far the server kept pace with the arrivals.</param>
    internal sealed record GameTally(int Games, int GamesByLastJoin, IReadOnlyDictionary<(string Mode, string Language), int> GamesByGroup, List<long> MatchTicks, List<string> Violations);

    private static GameTally Tally(Listener[] listeners, JoinTally joins, Seat[] seats, IReadOnlyDictionary<string, MatchmakingMode> modes, long lastJoin)
    {
        var violations = new List<string>();
        var byGame = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var ticks = new List<long>(listeners.Length);
        for (var i = 0; i < listeners.Length; i++)
        {
            var listener = listeners[i];
            if (listener.GameId is not { } game)
            {
                continue;
            }

            ticks.Add(listener.MatchedAt - joins.SentAt[i]);
            if (!byGame.TryGetValue(game, out var players))
            {
                byGame[game] = players = [];
            }

            players.Add(i);
            if (listener.MatchFrames > 1)
            {
                violations.Add($"player {i} heard match_found {listener.MatchFrames} times ({string.Join(", ", listener.OtherGames.Prepend(game))})");
            }
        }

        var byGroup = new Dictionary<(string, string), int>();
        foreach (var (game, players) in byGame)
        {
            var first = seats[players[0]];
            var size = modes[first.Mode].Players;
            if (players.Count != size)
            {
                violations.Add($"game {game} ({first.Mode}, table of {size}) was heard by {players.Count} players");
            }

            if (players.Select(p => seats[p]).Distinct().Count() > 1)
            {
                violations.Add($"game {game} seats players of {string.Join(", ", players.Select(p => seats[p]).Distinct().Select(s => $"{s.Mode}/{s.Language}"))}");
            }

            byGroup[(first.Mode, first.Language)] = byGroup.GetValueOrDefault((first.Mode, first.Language)) + 1;
        }

        var byLastJoin = byGame.Values.Count(players => players.Min(p => listeners[p].MatchedAt) <= lastJoin);
        return new GameTally(byGame.Count, byLastJoin, byGroup, ticks, violations);
    }

    /// <summary>What the pure matcher does with the same schedule: its games, each matched player's ideal time to match (Stopwatch ticks), and what the replay cost.</summary>
    internal sealed record BaselineReplay(int Games, IReadOnlyDictionary<(string Mode, string Language), int> GamesByGroup, List<long> MatchTicks, double ReplayMs);

    /// <summary>
    /// Player <c>i</c> arrives at <c>i × interval</c>; on every arrival <see cref="QueueMatcher.Plan"/> runs over
    /// those waiting (with the server's widening setting), and every table it forms leaves the queue at
    /// that arrival's time.
    /// </summary>
    private static BaselineReplay Replay(Seat[] seats, IReadOnlyDictionary<string, MatchmakingMode> modes, long interval)
    {
        var started = Stopwatch.GetTimestamp();
        var widenAfter = TimeSpan.FromSeconds(int.Parse(Settings["Matchmaking:WidenAfterSeconds"], CultureInfo.InvariantCulture));
        var epoch = DateTimeOffset.UnixEpoch;
        var waiting = new List<QueuedPlayer>();
        var ticks = new List<long>(seats.Length);
        var byGroup = new Dictionary<(string, string), int>();
        var games = 0;
        for (var i = 0; i < seats.Length; i++)
        {
            var now = epoch + Stopwatch.GetElapsedTime(0, i * interval);
            waiting.Add(new QueuedPlayer(new Guid(i, 0, 0, new byte[8]), i, seats[i].Mode, [seats[i].Language], now));
            var placed = new HashSet<long>();
            foreach (var table in QueueMatcher.Plan(waiting, name => modes.GetValueOrDefault(name), now, widenAfter))
            {
                games++;
                byGroup[(table.Mode, table.Language)] = byGroup.GetValueOrDefault((table.Mode, table.Language)) + 1;
                foreach (var player in table.Players)
                {
                    ticks.Add((i - player.AccountId) * interval);
                    placed.Add(player.AccountId);
                }
            }

            waiting.RemoveAll(p => placed.Contains(p.AccountId));
        }

        return new BaselineReplay(games, byGroup, ticks, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static TimeSpan Until(long timestamp) => TimeSpan.FromTicks(Math.Max(0, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp).Ticks));

    /// <summary>When the latest <c>match_found</c> arrived, for the settling.</summary>
    private sealed class MatchClock
    {
        private long _last;

        public long Last => Interlocked.Read(ref _last);

        public void Heard(long timestamp) => Interlocked.Exchange(ref _last, timestamp);
    }

    /// <summary>Each join's answer: its latency (Stopwatch ticks) when it answered <c>{"status":"queued"}</c>, else its status (0: no answer).</summary>
    internal sealed class JoinTally(int count)
    {
        private readonly long[] _answerTicks = new long[count];
        private readonly int[] _status = new int[count];
        private string? _firstRefusal;

        /// <summary>When each join was due (Stopwatch timestamp): its lateness is the sending − this.</summary>
        public long[] Scheduled { get; } = new long[count];

        /// <summary>When each join was sent (Stopwatch timestamp).</summary>
        public long[] SentAt { get; } = new long[count];

        public string? FirstRefusal => _firstRefusal;

        public IReadOnlyDictionary<int, int> Refusals => _status.Where(s => s != 200).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        public List<long> AnswerTicks => [.. _answerTicks.Where((_, i) => _status[i] == 200)];

        public void Answered(int index, long ticks, int status, string? refusal)
        {
            _answerTicks[index] = ticks;
            // A 200 whose body is not {"status":"queued"} is a refusal too.
            _status[index] = refusal is null ? status : status == 200 ? -1 : status;
            if (refusal is not null)
            {
                Interlocked.CompareExchange(ref _firstRefusal, $"{status} {refusal}", null);
            }
        }
    }

    /// <summary>
    /// One player's <c>/ws/notifications</c> socket, opened with its bearer token and read from the
    /// <c>connected</c> frame on, in its own task, until the run closes it; keeps the first
    /// <c>match_found</c>'s game and arrival and counts any other.
    /// </summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly BenchWebSocket _socket;
        private readonly MatchClock _clock;
        private Task _reading = Task.CompletedTask;
        private volatile bool _closing;

        private Listener(BenchWebSocket socket, MatchClock clock)
        {
            _socket = socket;
            _clock = clock;
        }

        public long MatchedAt { get; private set; }

        public string? GameId { get; private set; }

        public int MatchFrames { get; private set; }

        public List<string> OtherGames { get; } = [];

        /// <summary>Why the socket ended before the run closed it; null while it is open.</summary>
        public string? Lost { get; private set; }

        public static async Task<Listener> OpenAsync(Uri address, string token, MatchClock clock, CancellationToken ct)
        {
            var socket = await BenchWebSocket.ConnectAsync(address, token, SocketTimeout, ReceiveBufferBytes, ct);
            try
            {
                await socket.ReceiveAsync();
                using var first = JsonDocument.Parse(socket.FrameText);
                if (!first.RootElement.TryGetProperty("type", out var type) || type.GetString() != "connected")
                {
                    throw new BenchException($"/ws/notifications opened with {socket.FrameText}, not a connected frame");
                }
            }
            catch
            {
                await socket.DisposeAsync();
                throw;
            }

            var listener = new Listener(socket, clock);
            listener._reading = Task.Run(listener.ReadAsync, CancellationToken.None);
            return listener;
        }

        public async ValueTask DisposeAsync()
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            await _socket.DisposeAsync();
            await _reading;
        }

        private async Task ReadAsync()
        {
            try
            {
                while (true)
                {
                    await _socket.ReceiveAsync();
                    var arrived = Stopwatch.GetTimestamp();
                    if (MatchFound(_socket.FrameText) is not { } game)
                    {
                        continue;
                    }

                    _clock.Heard(arrived);
                    MatchFrames++;
                    if (GameId is null)
                    {
                        (GameId, MatchedAt) = (game, arrived);
                    }
                    else
                    {
                        OtherGames.Add(game);
                    }
                }
            }
            catch (Exception e) when (!_closing)
            {
                Lost = $"{e.GetType().Name}: {e.Message}";
            }
            catch (Exception)
            {
                // Closed by the run.
            }
        }

        /// <summary>The <c>game_id</c> of a <c>{"type":"notification","notification_type":"match_found","data":{"game_id"}}</c> frame; null for any other frame.</summary>
        private static string? MatchFound(string frame)
        {
            if (!frame.Contains("match_found", StringComparison.Ordinal))
            {
                return null;
            }

            using var json = JsonDocument.Parse(frame);
            var root = json.RootElement;
            return root.TryGetProperty("type", out var type) && type.GetString() == "notification"
                   && root.TryGetProperty("notification_type", out var kind) && kind.GetString() == "match_found"
                   && root.TryGetProperty("data", out var data) && data.TryGetProperty("game_id", out var id)
                ? id.GetString()
                : null;
        }
    }
}

/// <summary>One (mode, language) of the run: its players, the ideal, and what the server and the baseline formed.</summary>
internal sealed record MatchmakingGroup(string Mode, string Language, int Players, int TableSize, int IdealGames, int GamesFormed, int BaselineGames);

/// <summary>The scenario's JSON line; property names become snake_case on the wire.</summary>
internal sealed record MatchmakingResult(
    string Scenario,
    int GamesFormed,
    int IdealGames,
    int GamesFormedByLastJoin,
    int MatchedPlayers,
    int IdealMatchedPlayers,
    double MatchP50Ms,
    double MatchP95Ms,
    double MatchP99Ms,
    double MatchMaxMs,
    int BaselineGames,
    double BaselineP50Ms,
    double BaselineP99Ms,
    double MatchP99OverBaseline,
    double GoalP99Ms,
    long InvariantViolations,
    IReadOnlyList<string> ViolationsSample,
    bool GoalMet,
    int Players,
    double JoinSeconds,
    int Seed,
    IReadOnlyList<MatchmakingGroup> Groups,
    long JoinErrors,
    IReadOnlyDictionary<string, int> JoinErrorsByStatus,
    double JoinP50Ms,
    double JoinP99Ms,
    double JoinLatenessP99Ms,
    double JoinLatenessMaxMs,
    int SocketsLost,
    bool Settled,
    double Seconds,
    double BaselineReplayMs,
    IReadOnlyDictionary<string, string> RaisedLimits,
    IReadOnlyDictionary<string, string> Settings,
    string Baseline,
    MachineInfo Machine,
    string Timestamp,
    bool Counts,
    string? NotCounting,
    string LoadGenerator,
    string Pinning,
    int ServerCores,
    int GeneratorCores,
    double ServerCpuPct,
    double GeneratorCpuPct,
    double? ServerCoresBusyPct,
    double? GeneratorCoresBusyPct)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static MatchmakingResult Create(
        IReadOnlyList<MatchmakingBench.Seat> seats, IReadOnlyDictionary<string, MatchmakingMode> modes, MatchmakingBench.GameTally games, MatchmakingBench.JoinTally joins,
        MatchmakingBench.BaselineReplay baseline, int socketsLost, double seconds, bool settled, CpuSample cpu, CpuBudget budget, string? notCounting, CorePlan plan, DateTimeOffset at)
    {
        var groups = MatchmakingBench.Groups(seats, modes)
            .Select(g => new MatchmakingGroup(g.Mode, g.Language, g.Players, g.TableSize, g.IdealGames,
                games.GamesByGroup.GetValueOrDefault((g.Mode, g.Language)), baseline.GamesByGroup.GetValueOrDefault((g.Mode, g.Language))))
            .ToArray();
        var match = LatencyStats.Summarize([games.MatchTicks]);
        var ideal = LatencyStats.Summarize([baseline.MatchTicks]);
        var answers = LatencyStats.Summarize([joins.AnswerTicks]);
        var lateness = LatencyStats.Summarize([[.. joins.Scheduled.Select((due, i) => Math.Max(0, joins.SentAt[i] - due))]]);
        var idealGames = groups.Sum(g => g.IdealGames);
        var errors = joins.Refusals.Values.Sum();
        return new MatchmakingResult(
            MatchmakingBench.Name,
            games.Games,
            idealGames,
            games.GamesByLastJoin,
            games.MatchTicks.Count,
            groups.Sum(g => g.IdealGames * g.TableSize),
            Ms(match.P50Ms),
            Ms(match.P95Ms),
            Ms(match.P99Ms),
            Ms(match.MaxMs),
            baseline.Games,
            Ms(ideal.P50Ms),
            Ms(ideal.P99Ms),
            // From the unrounded figures, as the other ratios.
            ideal.P99Ms > 0 ? Math.Round(match.P99Ms / ideal.P99Ms, 3) : 0,
            MatchmakingBench.GoalP99Ms,
            games.Violations.Count,
            [.. games.Violations.Take(10)],
            notCounting is null && games.Games == idealGames && match.P99Ms < MatchmakingBench.GoalP99Ms && games.Violations.Count == 0,
            seats.Count,
            MatchmakingBench.JoinSeconds,
            MatchmakingBench.Seed,
            groups,
            errors,
            joins.Refusals.OrderBy(r => r.Key).ToDictionary(r => r.Key switch { 0 => "no_answer", -1 => "200_not_queued", var s => s.ToString(Invariant) }, r => r.Value),
            Ms(answers.P50Ms),
            Ms(answers.P99Ms),
            Ms(lateness.P99Ms),
            Ms(lateness.MaxMs),
            socketsLost,
            settled,
            Math.Round(seconds, 1),
            Math.Round(baseline.ReplayMs, 1),
            MatchmakingBench.RaisedLimits,
            MatchmakingBench.Settings,
            MatchmakingBench.BaselineDescription,
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
            notCounting is null,
            notCounting,
            MatchmakingBench.Generator,
            plan.Description,
            budget.ServerCores,
            budget.GeneratorCores,
            Math.Round(cpu.ServerPercent, 1),
            Math.Round(cpu.GeneratorPercent, 1),
            BenchResult.Round1(cpu.ServerCoresBusyPercent),
            BenchResult.Round1(cpu.GeneratorCoresBusyPercent));
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>The closing progress line: the figures the goal is about.</summary>
    public string Summary()
    {
        var verdict = GoalMet ? "met" : Counts ? "missed" : "not counting";
        return string.Create(Invariant,
            $"games formed {GamesFormed} of {IdealGames} ideal ({GamesFormedByLastJoin} by the last join; {MatchedPlayers} of {IdealMatchedPlayers} players matched); time to match p50 {MatchP50Ms:0.0} / p99 {MatchP99Ms:0.0} ms (goal < {GoalP99Ms:0}) vs the ideal online p50 {BaselineP50Ms:0.0} / p99 {BaselineP99Ms:0.0} ms: {MatchP99OverBaseline:0.00}×; "
            + $"join answer p50 {JoinP50Ms:0.0} / p99 {JoinP99Ms:0.0} ms, {JoinErrors} join errors, joins sent late by p99 {JoinLatenessP99Ms:0.0} / max {JoinLatenessMaxMs:0.0} ms; invariant violations {InvariantViolations}; sockets lost {SocketsLost}; goal {verdict}");
    }

    /// <summary>A row of the results table: its figures go in the scenario cell, since the table's columns are for ratio runs; the p99 columns are the server's and the ideal's time to match.</summary>
    public string ToMarkdownRow(string commandLine)
    {
        var date = DateTimeOffset.Parse(Timestamp, Invariant).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
        var scenario = string.Create(Invariant,
            $"{Scenario} ({Players} players joining over {JoinSeconds:0} s, 2 modes × 3 languages, one language each, seed {Seed}: games_formed {GamesFormed} of ideal_games {IdealGames} ({GamesFormedByLastJoin} by the last join), matched {MatchedPlayers} of {IdealMatchedPlayers}, time to match p50 {MatchP50Ms:0.0} / p99 {MatchP99Ms:0.0} ms, ideal online p50 {BaselineP50Ms:0.0} / p99 {BaselineP99Ms:0.0} ms, join answer p50 {JoinP50Ms:0.0} / p99 {JoinP99Ms:0.0} ms, join errors {JoinErrors}, invariant violations {InvariantViolations}, sockets lost {SocketsLost}; "
            + $"baseline: {Baseline}; limits raised for the bench: {BenchResult.Describe(RaisedLimits)}; settings: {BenchResult.Describe(Settings)}; load: {LoadGenerator}; pinning: {Pinning}; CPU % of one core, server / load generator: {ServerCpuPct:0} / {GeneratorCpuPct:0}; their cores busy with anything, %: {BenchResult.Busy(ServerCoresBusyPct)} / {BenchResult.Busy(GeneratorCoresBusyPct)})");
        var verdict = !Counts ? "not counting: the load generator saturated before the server" : GoalMet ? "met" : "missed";
        var goal = string.Create(Invariant, $"games_formed = ideal_games, time to match p99 < {GoalP99Ms:0} ms, 0 invariant violations ({verdict})");
        string[] cells =
        [
            date,
            scenario,
            Players.ToString(Invariant),
            Seconds.ToString("0.#", Invariant),
            "—",
            MatchP99Ms.ToString("0.000", Invariant),
            "—",
            BaselineP99Ms.ToString("0.000", Invariant),
            MatchP99OverBaseline.ToString("0.000", Invariant) + " (p99 ÷ ideal p99)",
            goal,
            $"`{commandLine.Replace("|", "\\|", StringComparison.Ordinal)}`",
        ];
        return $"| {string.Join(" | ", cells)} |";
    }

    private static double Ms(double value) => Math.Round(value, 3);
}
