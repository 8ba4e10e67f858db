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
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        Task<TResponse> task;
        try
        {
            task = next();
        }
        catch (Exception exception) when (!IsExpected(exception, cancellationToken))
        {
            Log(exception);
            throw;
        }

        return task.IsCompletedSuccessfully ? task : AwaitAsync(task, cancellationToken);
    }

    private async Task<TResponse> AwaitAsync(Task<TResponse> task, CancellationToken cancellationToken)
    {
        try
        {
            return await task;
        }
        catch (Exception exception) when (!IsExpected(exception, cancellationToken))
        {
            Log(exception);
            throw;
        }
    }

    private void Log(Exception exception)
    {
        logger.LogError(exception, "Request {RequestName} failed with an unhandled exception", typeof(TRequest).Name);
        exception.Data[LoggedKey] = true;
    }

    /// <summary>Set on an exception this behaviour logged, so the transport does not log it twice.</summary>
    public const string LoggedKey = "cleangames.logged";

    private static bool IsExpected(Exception exception, CancellationToken cancellationToken) =>
        exception is DomainException or ValidationFailedException
        || (exception is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
