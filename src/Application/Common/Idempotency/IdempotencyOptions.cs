namespace CleanGames.Application.Common.Idempotency;

/// <summary>The <c>Idempotency</c> section: how long keys live and what one account can make the server hold.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key answers with its first response; after that it is forgotten and purged.</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>An unfinished reservation this old is taken to belong to a request that died, and may be taken over.</summary>
    public int TakeoverSeconds { get; set; } = 60;

    /// <summary>A response body larger than this is not kept (see the guarantee in docs/architecture.md).</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>Live keys one account may hold across all routes; with 64 KiB bodies that bounds it to 64 MiB.</summary>
    public int MaxKeysPerAccount { get; set; } = 1000;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);

    public TimeSpan Takeover => TimeSpan.FromSeconds(TakeoverSeconds);
}
