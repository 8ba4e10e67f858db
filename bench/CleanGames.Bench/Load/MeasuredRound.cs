using CleanGames.Bench.Scenarios;

namespace CleanGames.Bench.Load;

/// <summary>One measured round of one server, and why it does not count if its load generator saturated first.</summary>
internal sealed record MeasuredRound(ServerTarget Target, int Number, LoadResult Result, string? NotCounting)
{
    public bool Counts => NotCounting is null;

    /// <summary>
    /// The rounds a side's figures are pooled from: those that count, or all of them when none does
    /// (then the run as a whole does not count, and says so).
    /// </summary>
    public static (LoadResult Pooled, bool Counts) Pool(IReadOnlyList<MeasuredRound> rounds)
    {
        var counting = rounds.Where(r => r.Counts).ToList();
        return counting.Count > 0
            ? (LoadResult.Combine(counting.Select(r => r.Result).ToList()), true)
            : (LoadResult.Combine(rounds.Select(r => r.Result).ToList()), false);
    }
}
