using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Common.Behaviours;

/// <summary>
/// Two valid requests racing on one aggregate must both succeed (DESIGN "Wire rules"). The loser of
/// an optimistic-concurrency race gets its scope's tracked state discarded and its handler re-run
/// on fresh state, after a randomised pause that grows with each lost round, so that racers spread out. Handlers stay
/// re-runnable because side effects happen only in domain-event handlers after a successful save.
/// </summary>
public sealed class ConcurrencyRetryBehaviour<TRequest, TResponse>(
    IServiceProvider services,
    IOptions<PipelineOptions> options,
    ILogger<ConcurrencyRetryBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const int MaxBackoffMilliseconds = 500;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var maxRetries = Math.Max(0, options.Value.MaxConcurrencyRetries);
        if (request is INoConcurrencyRetry || maxRetries == 0)
        {
            return next();
        }

        // The first attempt almost never conflicts: when it completes at once, no retry machinery runs.
        Task<TResponse> first;
        try
        {
            first = next();
        }
        catch (ConcurrencyConflictException)
        {
            return RetryAsync(maxRetries, cancellationToken, next);
        }

        return first.IsCompletedSuccessfully ? first : AwaitFirstAsync(first, maxRetries, cancellationToken, next);
    }

    private async Task<TResponse> AwaitFirstAsync(Task<TResponse> first, int maxRetries, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await first;
        }
        catch (ConcurrencyConflictException)
        {
            return await RetryAsync(maxRetries, cancellationToken, next);
        }
    }

    private async Task<TResponse> RetryAsync(int maxRetries, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        for (var retry = 1; ; retry++)
        {
            // Resolved only when needed: most requests never conflict, and many never touch the database.
            services.GetRequiredService<IUnitOfWork>().DiscardChanges();
            logger.LogDebug("Request {RequestName} lost a concurrency race; retry {Attempt}", typeof(TRequest).Name, retry);
            // Exponential backoff with full jitter (20, 40, 80, … ms, capped at 500): when many
            // requests race one aggregate, each lost round spreads them further apart, so the last
            // of a crowd still wins within the retries instead of colliding round after round.
            var ceiling = Math.Min(MaxBackoffMilliseconds, 10 << Math.Min(retry, 6));
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, ceiling + 1)), cancellationToken);
            try
            {
                return await next();
            }
            catch (ConcurrencyConflictException) when (retry < maxRetries)
            {
                // Lost again: go round.
            }
        }
    }
}
