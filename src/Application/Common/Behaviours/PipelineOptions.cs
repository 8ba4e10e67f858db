namespace CleanGames.Application.Common.Behaviours;

public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>A request slower than this is logged as a warning.</summary>
    public int SlowRequestMilliseconds { get; set; } = 500;

    /// <summary>How often a handler is re-run when it lost an optimistic-concurrency race.</summary>
    public int MaxConcurrencyRetries { get; set; } = 10;
}
