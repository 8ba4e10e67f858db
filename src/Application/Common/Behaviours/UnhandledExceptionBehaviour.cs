using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanGames.Application.Common.Behaviours;

/// <summary>
/// Logs failures that are not expected outcomes (typed application errors, broken domain rules and
/// cancellations are answers, not failures) with the request's name, then lets them propagate.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception exception) when (!IsExpected(exception, cancellationToken))
        {
            logger.LogError(exception, "Request {RequestName} failed with an unhandled exception", typeof(TRequest).Name);
            exception.Data[LoggedKey] = true;
            throw;
        }
    }

    /// <summary>Set on an exception this behaviour logged, so the transport does not log it twice.</summary>
    public const string LoggedKey = "cleangames.logged";

    private static bool IsExpected(Exception exception, CancellationToken cancellationToken) =>
        exception is AppException or DomainException
        || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
