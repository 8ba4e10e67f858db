using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using MediatR;

namespace CleanGames.Application.Common.Behaviours;

/// <summary>
/// A request one account could flood (a chat line, a vote, a lobby call) names the bucket it draws
/// from; <see cref="RateLimitBehaviour{TRequest, TResponse}"/> refuses it once the caller's bucket is
/// empty, on every transport, before it takes any lock or touches the store.
/// </summary>
public interface IRateLimitedRequest
{
    /// <summary>The bucket's name (its limits are configured per name).</summary>
    string RateBucket { get; }
}

/// <summary>Per-account token buckets, one per bucket name.</summary>
public interface IRequestRateLimiter
{
    /// <summary>Takes one token from <paramref name="accountId"/>'s <paramref name="bucket"/>; false with the wait until the next one when it is empty.</summary>
    bool TryAcquire(string bucket, long accountId, out TimeSpan retryAfter);
}

/// <summary>
/// Runs after authorization and validation (a stranger's or a malformed request is refused for what it
/// is, not counted) and before the aggregate lock, so a flood queues on nothing.
/// </summary>
public sealed class RateLimitBehaviour<TRequest, TResponse>(ICurrentUser currentUser, IRequestRateLimiter limiter) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IRateLimitedRequest limited && currentUser.AccountId is { } accountId
            && !limiter.TryAcquire(limited.RateBucket, accountId, out var retryAfter))
        {
            throw new DomainException(PlatformErrors.RateLimited, retryAfter);
        }

        return next();
    }
}
