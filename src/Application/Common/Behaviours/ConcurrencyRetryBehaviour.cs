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
/// on fresh state, after a short randomised pause so that racers spread out. Handlers stay
/// re-runnable because side effects happen only in domain-event handlers after a successful save.
/// </summary>
public sealed class ConcurrencyRetryBehaviour<TRequest, TResponse>(
    IServiceProvider services,
    IOptions<PipelineOptions> options,
    ILogger<ConcurrencyRetryBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is INoConcurrencyRetry)
        {
            return await next();
        }

        var maxRetries = Math.Max(0, options.Value.MaxConcurrencyRetries);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await next();
            }
            catch (ConcurrencyConflictException) when (attempt < maxRetries)
            {
                // Resolved only when needed: most requests never conflict, and many never touch the database.
                services.GetRequiredService<IUnitOfWork>().DiscardChanges();
                logger.LogDebug("Request {RequestName} lost a concurrency race; retry {Attempt}", typeof(TRequest).Name, attempt + 1);
                var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (10 * Math.Min(attempt + 1, 5))));
                await Task.Delay(delay, cancellationToken);
            }
        }
    }
}
