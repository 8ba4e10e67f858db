using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Load;
using CleanGames.Bench.Reporting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CleanGames.Bench.Scenarios;

/// <summary>
/// <c>mafia-games</c>: concurrent Mafia games of bot players on <c>/hubs/game</c>, with short phases,
/// played to the end. Not a throughput ratio: the game's clock is the load, so it measures what
/// players feel — how late a phase ends after its deadline (server times in <c>game_state</c>), how
/// long an event takes to reach every player once the server sends it (arrival − <c>server_time</c>
/// of each <c>game_state</c>), and whether any expected event never arrived. Bots take 50–400 ms
/// to act, as people do, rather than all at the same instant.
/// </summary>
internal static class MafiaGamesBench
{
    public const string Name = "mafia-games";
    public const int Players = 8;
    public const int PhaseSeconds = 2;
    public const double GoalLagP99Ms = 250;
    public const double GoalFanoutP99Ms = 50;

    public static readonly IReadOnlyDictionary<string, string> RaisedLimits = new Dictionary<string, string>
    {
        // Setup registers every bot through the per-address authentication limiter.
        ["RateLimiting:AuthenticationPermitsPerMinute"] = "1000000",
    };

    /// <summary>The bots run in this process, so its CPU is the load generator's.</summary>
    public const string Generator = ".NET SignalR bots in the bench process";

    public static async Task<MafiaGamesResult> RunAsync(RunningServer server, int games, CorePlan plan, CancellationToken ct)
    {
        var baseAddress = server.BaseAddress;
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Progress.Write($"registering {games * Players} players");
        var tokens = await RegisterAsync(http, games * Players, ct);

        var metrics = new Metrics();
        Progress.Write($"{games} games of {Players} players, {PhaseSeconds}-second phases");
        // The measured window is the play, not the registration before it.
        var window = CpuWindow.Open(server, plan);
        var started = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, games).Select(g =>
            PlayGameAsync(baseAddress, http, tokens.Skip(g * Players).Take(Players).ToArray(), metrics, ct)));
        var seconds = started.Elapsed.TotalSeconds;
        var cpu = window.Close();
        var budget = LoadGenerator.InProcess(plan, Generator).Budget;
        // Open loop: a generator out of CPU reads its events late, which would show as the server's fan-out.
        var notCounting = budget.WhyNotCounting(cpu);
        Progress.Write(budget.Describe(cpu, notCounting));

        foreach (var note in metrics.Notes)
        {
            Progress.Write("lost: " + note);
        }

        var lag = metrics.DeadlineLagMs.Order().ToArray();
        var fanout = metrics.FanoutMs.Order().ToArray();
        var lost = results.Sum(r => r.Lost);
        var completed = results.Count(r => r.Completed);
        var lagP99 = Percentile(lag, 0.99);
        var fanoutP99 = Percentile(fanout, 0.99);
        return new MafiaGamesResult(
            Name, games, Players, PhaseSeconds, completed, metrics.Received, lost,
            Round(Percentile(lag, 0.50)), Round(lagP99), lag.Length,
            Round(Percentile(fanout, 0.50)), Round(fanoutP99), fanout.Length,
            notCounting is null && completed == games && lost == 0 && lagP99 < GoalLagP99Ms && fanoutP99 < GoalFanoutP99Ms,
            Math.Round(seconds, 1),
            RaisedLimits,
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription),
            DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            notCounting is null,
            notCounting,
            Generator,
            plan.Description,
            budget.ServerCores,
            budget.GeneratorCores,
            Math.Round(cpu.ServerPercent, 1),
            Math.Round(cpu.GeneratorPercent, 1),
            BenchResult.Round1(cpu.ServerCoresBusyPercent),
            BenchResult.Round1(cpu.GeneratorCoresBusyPercent));
    }

    /// <summary>Registers <paramref name="count"/> players through <c>POST /reg</c>, 8 at a time; their account ids and access tokens. Also used by <c>economy-gifts</c>.</summary>
    internal static async Task<(long Id, string Token)[]> RegisterAsync(HttpClient http, int count, CancellationToken ct)
    {
        var players = new (long, string)[count];
        using var parallel = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await parallel.WaitAsync(ct);
            try
            {
                var email = $"mafia_{RandomNumberGenerator.GetHexString(16, lowercase: true)}@example.com";
                using var response = await http.PostAsJsonAsync("/reg", new { email, password = RandomNumberGenerator.GetHexString(24) }, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new BenchException($"POST /reg answered {(int)response.StatusCode}: {text}");
                }

                var token = JsonDocument.Parse(text).RootElement.GetProperty("tokens").GetProperty("access_token").GetString()!;
                players[i] = (SubjectOf(token), token);
            }
            finally
            {
                parallel.Release();
            }
        }));
        return players;
    }

    private static async Task<GameOutcome> PlayGameAsync(Uri baseAddress, HttpClient http, (long Id, string Token)[] seats, Metrics metrics, CancellationToken ct)
    {
        var lobby = await SendAsync(http, HttpMethod.Post, "/api/matchmaking/lobby/create", seats[0].Token,
            new { max_players = Players, settings = new { night_seconds = PhaseSeconds, day_seconds = PhaseSeconds, voting_seconds = PhaseSeconds } }, ct);
        var code = lobby.GetProperty("invite_code").GetString()!;
        foreach (var seat in seats.Skip(1))
        {
            await SendAsync(http, HttpMethod.Post, "/api/matchmaking/lobby/join/" + code, seat.Token, null, ct);
        }

        foreach (var seat in seats)
        {
            await SendAsync(http, HttpMethod.Post, $"/api/matchmaking/lobby/{code}/ready", seat.Token, null, ct);
        }

        var gameId = (await SendAsync(http, HttpMethod.Get, "/api/game/my_game", seats[0].Token, null, ct)).GetProperty("active_game").GetString()!;
        var bots = seats.Select((s, i) => new Bot(s.Id, s.Token, gameId, i == 0, metrics)).ToArray();
        try
        {
            // Everyone joins before anyone acts, so no bot misses the first phase change.
            await Task.WhenAll(bots.Select(b => b.ConnectAsync(baseAddress, ct)));
            foreach (var bot in bots)
            {
                bot.Begin();
            }

            var ended = await Task.WhenAll(bots.Select(b => b.Ended.WaitAsync(TimeSpan.FromMinutes(3), ct).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Default)));
            foreach (var bot in bots.Where(b => b.Lost > 0))
            {
                metrics.Note($"bot {bot.Describe()}");
            }

            return new GameOutcome(ended.All(e => e), bots.Sum(b => b.Lost) + ended.Count(e => !e));
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.DisposeAsync();
            }
        }
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static long SubjectOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
        return long.Parse(json.RootElement.GetProperty("sub").GetString()!, CultureInfo.InvariantCulture);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Round(double value) => Math.Round(value, 3);

    private sealed record GameOutcome(bool Completed, long Lost);

    private sealed class Metrics
    {
        private long _received;

        public ConcurrentBag<double> DeadlineLagMs { get; } = [];

        public ConcurrentBag<double> FanoutMs { get; } = [];

        public long Received => Interlocked.Read(ref _received);

        public void Count() => Interlocked.Increment(ref _received);

        public ConcurrentQueue<string> Notes { get; } = new();

        /// <summary>Why an event was counted lost, for the log (the first few).</summary>
        public void Note(string note)
        {
            if (Notes.Count < 10)
            {
                Notes.Enqueue(note);
            }
        }
    }

    /// <summary>
    /// One player: acts as soon as its phase opens (the mafia agree on the lowest-id living
    /// non-mafia; everyone votes for the lowest-id other living player), checks that every phase
    /// change and result arrives in order, and times each <c>game_state</c>.
    /// </summary>
    private sealed class Bot(long id, string token, string gameId, bool measuresLag, Metrics metrics) : IAsyncDisposable
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly object _gate = new();
        private HubConnection? _hub;
        private string? _role;
        private string? _phase;
        private int _day;
        private DateTimeOffset? _lastEndsAt;
        private int _nightResultsOwed;
        private int _votingResultsOwed;
        private long _lost;
        private JsonElement _latest;
        private bool _playing;

        public Task Ended => _ended.Task;

        public string Describe() => $"{id} ({_role}): {Interlocked.Read(ref _lost)} out of order, night results owed {_nightResultsOwed}, voting results owed {_votingResultsOwed}";

        public long Lost => Interlocked.Read(ref _lost) + _nightResultsOwed + _votingResultsOwed;

        public async Task ConnectAsync(Uri baseAddress, CancellationToken ct)
        {
            _hub = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, "/hubs/game"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
                .Build();
            _hub.On<JsonElement>("game_state", OnState);
            _hub.On<JsonElement>("night_results", _ => Settle(ref _nightResultsOwed));
            _hub.On<JsonElement>("voting_results", _ => Settle(ref _votingResultsOwed));
            _hub.On<JsonElement>("game_ended", _ =>
            {
                metrics.Count();
                _ended.TrySetResult();
            });
            await _hub.StartAsync(ct);
            var state = await _hub.InvokeAsync<JsonElement>("JoinGame", gameId, ct);
            lock (_gate)
            {
                // The hub's contract is that the last game_state event received is current: a phase
                // change pushed while JoinGame was being answered can arrive before that answer and be
                // newer than it, so the newer of the two is where this bot stands.
                if (_latest.ValueKind == JsonValueKind.Object
                    && ParseTime(_latest.GetProperty("phase_started_at")) > ParseTime(state.GetProperty("phase_started_at")))
                {
                    state = _latest;
                }

                _role = state.GetProperty("my_role").GetString();
                _phase = state.GetProperty("phase").GetString();
                _day = state.GetProperty("day_count").GetInt32();
                _lastEndsAt = ParseTime(state.GetProperty("phase_ends_at"));
                _latest = state;
            }
        }

        /// <summary>Starts playing from the latest state seen.</summary>
        public void Begin()
        {
            JsonElement state;
            lock (_gate)
            {
                _playing = true;
                state = _latest;
            }

            Act(state);
        }

        public async ValueTask DisposeAsync()
        {
            if (_hub is not null)
            {
                await _hub.DisposeAsync();
            }
        }

        private void OnState(JsonElement state)
        {
            var arrived = DateTimeOffset.UtcNow;
            metrics.Count();
            var phase = state.GetProperty("phase").GetString()!;
            var day = state.GetProperty("day_count").GetInt32();
            var startedAt = ParseTime(state.GetProperty("phase_started_at"))!.Value;
            var sentAt = ParseTime(state.GetProperty("server_time"))!.Value;
            bool playing;
            lock (_gate)
            {
                _latest = state;
                playing = _playing;
                if (_phase is null || (phase == _phase && day == _day))
                {
                    // The state JoinGame pushes (it may arrive before the invocation's own answer), or a repeat.
                    return;
                }

                metrics.FanoutMs.Add((arrived - sentAt).TotalMilliseconds);

                if (!Follows(_phase, _day, phase, day))
                {
                    Interlocked.Increment(ref _lost);
                    metrics.Note($"bot {id}: {_phase} of day {_day} was followed by {phase} of day {day}");
                }

                // A phase that ran to its deadline (not ended early by everyone acting) measures the lag.
                if (measuresLag && _lastEndsAt is { } deadline && startedAt >= deadline)
                {
                    metrics.DeadlineLagMs.Add((startedAt - deadline).TotalMilliseconds);
                }

                if (_phase == "night")
                {
                    _nightResultsOwed++;
                }
                else if (_phase == "voting")
                {
                    _votingResultsOwed++;
                }

                (_phase, _day, _lastEndsAt) = (phase, day, ParseTime(state.GetProperty("phase_ends_at")));
            }

            if (playing)
            {
                Act(state);
            }
        }

        private void Settle(ref int owed)
        {
            metrics.Count();
            lock (_gate)
            {
                owed--;
            }
        }

        private void Act(JsonElement state) =>
            _ = Task.Delay(Random.Shared.Next(50, 400)).ContinueWith(_ => ActNow(state), TaskScheduler.Default);

        private void ActNow(JsonElement state)
        {
            var phase = state.GetProperty("phase").GetString();
            var alive = state.GetProperty("alive_players").EnumerateArray().Select(p => long.Parse(p.GetString()!, CultureInfo.InvariantCulture)).Order().ToArray();
            if (!alive.Contains(id) || _hub is null)
            {
                return;
            }

            var mafia = state.GetProperty("mafia_players") is { ValueKind: JsonValueKind.Array } m
                ? m.EnumerateArray().Select(p => long.Parse(p.GetString()!, CultureInfo.InvariantCulture)).ToHashSet()
                : [];
            var others = alive.Where(p => p != id).ToArray();
            Task? action = (phase, _role) switch
            {
                ("night", "mafia") => _hub.InvokeAsync<JsonElement>("NightAction", gameId, "kill", Id(alive.First(p => !mafia.Contains(p)))),
                ("night", "detective") => _hub.InvokeAsync<JsonElement>("NightAction", gameId, "investigate", Id(others[Random.Shared.Next(others.Length)])),
                ("night", "doctor") => _hub.InvokeAsync<JsonElement>("NightAction", gameId, "heal", Id(others[Random.Shared.Next(others.Length)])),
                ("voting", _) => _hub.InvokeAsync<JsonElement>("Vote", gameId, Id(others[0])),
                _ => null,
            };

            // Refusals (a phase that ended meanwhile) are part of play, not errors of the bench.
            action?.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }

        private static bool Follows(string? previous, int previousDay, string phase, int day) => (previous, phase) switch
        {
            (_, "ended") => true,
            ("night", "day") => day == previousDay,
            ("day", "voting") => day == previousDay,
            ("voting", "night") => day == previousDay + 1,
            _ => false,
        };

        private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static DateTimeOffset? ParseTime(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;
    }
}

internal sealed record MafiaGamesResult(
    string Scenario,
    int Games,
    int PlayersPerGame,
    int PhaseSeconds,
    int GamesCompleted,
    long EventsReceived,
    long EventsLost,
    double DeadlineLagP50Ms,
    double DeadlineLagP99Ms,
    int DeadlineLagSamples,
    double FanoutP50Ms,
    double FanoutP99Ms,
    int FanoutSamples,
    bool GoalMet,
    double Seconds,
    IReadOnlyDictionary<string, string> RaisedLimits,
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
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>A row of the results table: its figures go in the scenario cell, since the table's columns are for ratio runs.</summary>
    public string ToMarkdownRow(string commandLine)
    {
        var date = DateTimeOffset.Parse(Timestamp, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var scenario = string.Create(CultureInfo.InvariantCulture,
            $"{Scenario} ({Games} games × {PlayersPerGame} bots on SignalR, {PhaseSeconds} s phases: games_completed {GamesCompleted}, events_lost {EventsLost} of {EventsReceived}, deadline lag p50 {DeadlineLagP50Ms:0.0} / p99 {DeadlineLagP99Ms:0.0} ms over {DeadlineLagSamples} deadlines, fan-out p50 {FanoutP50Ms:0.0} / p99 {FanoutP99Ms:0.0} ms; limits raised for the bench: {BenchResult.Describe(RaisedLimits)}; load: {LoadGenerator}; pinning: {Pinning}; CPU % of one core, server / load generator: {ServerCpuPct:0} / {GeneratorCpuPct:0}; their cores busy with anything, %: {BenchResult.Busy(ServerCoresBusyPct)} / {BenchResult.Busy(GeneratorCoresBusyPct)})");
        var verdict = !Counts ? "not counting: the load generator saturated before the server" : GoalMet ? "met" : "missed";
        var goal = string.Create(CultureInfo.InvariantCulture, $"deadline lag p99 < {MafiaGamesBench.GoalLagP99Ms:0} ms, fan-out p99 < {MafiaGamesBench.GoalFanoutP99Ms:0} ms, 0 lost ({verdict})");
        return $"| {date} | {scenario} | {Games * PlayersPerGame} | {Seconds.ToString("0.#", CultureInfo.InvariantCulture)} | — | {FanoutP99Ms.ToString("0.000", CultureInfo.InvariantCulture)} | — | — | — | {goal} | `{commandLine}` |";
    }
}
