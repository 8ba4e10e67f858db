using System.Globalization;
using System.Threading.RateLimiting;
using CleanGames.Application.Common.Security;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Novels;

/// <summary>
/// Contract §15's per-account limits (bookmark changes, content creation: 100 an hour each), counted
/// per account over a sliding hour in this instance's memory. A resource filter, so it runs after the
/// token and the role are checked and before the body is read: 401, 403, then 429, then 422, in the
/// contract's order. Over the limit: 429 <c>RATE_LIMIT_EXCEEDED</c> with <c>Retry-After</c>.
/// </summary>
public sealed class NovelsAccountRateLimitAttribute : TypeFilterAttribute, IRateLimitedEndpoint
{
    public const string Bookmarks = "bookmarks";
    public const string Content = "content";

    public NovelsAccountRateLimitAttribute(string bucket)
        : base(typeof(NovelsAccountRateLimitFilter))
    {
        Bucket = bucket;
        Arguments = [bucket];
    }

    public string Bucket { get; }
}

/// <summary>The per-account sliding windows behind <see cref="NovelsAccountRateLimitAttribute"/>.</summary>
internal sealed class NovelsAccountLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(string Bucket, long Account)> _limiter;

    public NovelsAccountLimiter(IOptions<NovelsRateLimits> options)
    {
        var limits = options.Value;
        _limiter = PartitionedRateLimiter.Create<(string Bucket, long Account), (string Bucket, long Account)>(key =>
            RateLimitPartition.GetSlidingWindowLimiter(key, k => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = k.Bucket == NovelsAccountRateLimitAttribute.Content ? limits.ContentPerHour : limits.BookmarksPerHour,
                Window = TimeSpan.FromHours(1),
                SegmentsPerWindow = 12,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public bool TryAcquire(string bucket, long accountId, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire((bucket, accountId));
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(5);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

internal sealed class NovelsAccountRateLimitFilter(string bucket, NovelsAccountLimiter limiter) : IAsyncResourceFilter
{
    public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (long.TryParse(context.HttpContext.User.FindFirst(AccountClaimTypes.Subject)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId)
            && !limiter.TryAcquire(bucket, accountId, out var retryAfter))
        {
            context.Result = ApiErrorResponder.AsResult(ApiError.From(TransportErrors.RateLimited) with { RetryAfter = retryAfter });
            return Task.CompletedTask;
        }

        return next();
    }
}
