using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Common.Behaviours;

/// <summary>
/// Times every request and warns about slow ones. Only the request's type name is logged, never
/// its contents: requests carry passwords, tokens and init data.
/// </summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger, IOptions<PipelineOptions> options)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        Task<TResponse> task;
        try
        {
            task = next();
        }
        catch
        {
            Log(started);
            throw;
        }

        if (task.IsCompleted)
        {
            Log(started);
            return task;
        }

        return AwaitAsync(task, started);
    }

    private async Task<TResponse> AwaitAsync(Task<TResponse> task, long started)
    {
        try
        {
            return await task;
        }
        finally
        {
            Log(started);
        }
    }

    private void Log(long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed.TotalMilliseconds >= options.Value.SlowRequestMilliseconds)
        {
            logger.LogWarning("Slow request {RequestName} took {ElapsedMilliseconds:F0} ms", typeof(TRequest).Name, elapsed.TotalMilliseconds);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Handled {RequestName} in {ElapsedMilliseconds:F1} ms", typeof(TRequest).Name, elapsed.TotalMilliseconds);
        }
    }
}
