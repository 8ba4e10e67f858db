using System.Threading.RateLimiting;
using CleanGames.Application.Common.Behaviours;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.RateLimiting;

/// <summary>
/// <c>RateLimiting:PerAccountPerMinute:&lt;bucket&gt;</c>: how many requests of a bucket one account may
/// make per minute. A bucket holds a sixth of that as a burst and refills evenly over the minute.
/// </summary>
public sealed class AccountRateLimitOptions
{
    public const string Section = "RateLimiting";

    public Dictionary<string, int> PerAccountPerMinute { get; set; } = new(StringComparer.Ordinal)
    {
        ["mafia_chat"] = 30,
        ["mafia_emoji"] = 60,
        ["mafia_game_actions"] = 60,
        ["mafia_lobby"] = 30,
    };
}

/// <summary>
/// Token buckets per (bucket, account) in this instance's memory. Buckets of accounts that went quiet
/// are dropped by the partitioned limiter, so the memory held follows the active accounts.
/// </summary>
internal sealed class RequestRateLimiter : IRequestRateLimiter, IDisposable
{
    private const int DefaultPerMinute = 60;
    private readonly PartitionedRateLimiter<(string Bucket, long Account)> _limiter;

    public RequestRateLimiter(IOptions<AccountRateLimitOptions> options)
    {
        var limits = options.Value.PerAccountPerMinute;
        _limiter = PartitionedRateLimiter.Create<(string Bucket, long Account), (string Bucket, long Account)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k =>
            {
                var perMinute = Math.Max(1, limits.TryGetValue(k.Bucket, out var configured) ? configured : DefaultPerMinute);
                return new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, perMinute / 6),
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                };
            }));
    }

    public bool TryAcquire(string bucket, long accountId, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire((bucket, accountId));
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter.Dispose();
}
