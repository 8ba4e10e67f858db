using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CleanGames.Bench;

/// <summary>The command line of a bench run: <c>&lt;scenario&gt; [--seconds N] [--connections N] [--rounds N] [--warmup N] [--games N] [--record]</c>.</summary>
internal sealed record BenchOptions(string Scenario, int Seconds, int Connections, int Rounds, bool Record, IReadOnlyList<string> Arguments, int Games = BenchOptions.DefaultGames, int? WarmupSeconds = null)
{
    public const int DefaultSeconds = 10;
    public const int DefaultConnections = 64;
    public const int DefaultGames = 50;
    public const int DefaultRounds = 4;

    /// <summary>Long enough for tiered JIT, connection pools and the thread pool to settle on two cores.</summary>
    public static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The first round of each server warms up longer: a large app keeps tiering methods up (JIT,
    /// PGO) for several seconds, and that start-up cost is not what the figures are about.
    /// </summary>
    public static readonly TimeSpan FirstWarmup = TimeSpan.FromSeconds(8);

    /// <summary>The warm-up of a round: <c>--warmup</c> when given (a quick check), else the defaults above.</summary>
    public TimeSpan WarmupFor(int roundIndex) =>
        WarmupSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : roundIndex < 2 ? FirstWarmup : Warmup;

    private const string RunPrefix = "dotnet run -c Release --project bench/CleanGames.Bench --";

    /// <summary>The invocation as a reader would type it again, for the results table.</summary>
    public string CommandLine => string.Join(' ', [RunPrefix, .. Arguments.Select(Quote)]);

    public static string Usage(IEnumerable<string> scenarios) =>
        $"usage: {RunPrefix} <scenario> [--seconds N] [--connections N] [--rounds N] [--warmup N] [--games N] [--record]{Environment.NewLine}" +
        $"scenarios: {string.Join(", ", scenarios)}; defaults: --seconds {DefaultSeconds} --connections {DefaultConnections} --rounds {DefaultRounds} --games {DefaultGames} (mafia-games only); " +
        $"--warmup N warms every round up N seconds instead of {FirstWarmup.TotalSeconds:0} s for each server's first round and {Warmup.TotalSeconds:0} s after (for quick checks, not for figures)";

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        string? scenario = null;
        var seconds = DefaultSeconds;
        var connections = DefaultConnections;
        var rounds = DefaultRounds;
        var record = false;
        var games = DefaultGames;
        int? warmup = null;

        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds":
                    if (!TryReadPositive(args, ref i, 3600, out seconds, out error))
                    {
                        return false;
                    }

                    break;
                case "--connections":
                    if (!TryReadPositive(args, ref i, 10_000, out connections, out error))
                    {
                        return false;
                    }

                    break;
                case "--rounds":
                    if (!TryReadPositive(args, ref i, 100, out rounds, out error))
                    {
                        return false;
                    }

                    break;
                case "--games":
                    if (!TryReadPositive(args, ref i, 500, out games, out error))
                    {
                        return false;
                    }

                    break;
                case "--warmup":
                    if (!TryReadPositive(args, ref i, 60, out var warmupSeconds, out error))
                    {
                        return false;
                    }

                    warmup = warmupSeconds;
                    break;
                case "--record":
                    record = true;
                    break;
                case var arg when arg.StartsWith('-'):
                    error = $"Unknown option '{arg}'.";
                    return false;
                case var arg when scenario is null:
                    scenario = arg;
                    break;
                default:
                    error = $"Only one scenario per run; got '{scenario}' and '{args[i]}'.";
                    return false;
            }
        }

        if (scenario is null)
        {
            error = "No scenario given.";
            return false;
        }

        options = new BenchOptions(scenario, seconds, connections, rounds, record, args, games, warmup);
        error = null;
        return true;
    }

    private static bool TryReadPositive(string[] args, ref int i, int max, out int value, [NotNullWhen(false)] out string? error)
    {
        var name = args[i];
        if (i + 1 < args.Length
            && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= 1 && value <= max)
        {
            i++;
            error = null;
            return true;
        }

        value = 0;
        error = $"{name} needs a whole number from 1 to {max}.";
        return false;
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '|') ? arg : $"\"{arg.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
