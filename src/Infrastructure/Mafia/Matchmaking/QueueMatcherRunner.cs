using System.Threading.Channels;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Matchmaking.Commands.StartQueuedGame;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Application.Mafia.Matchmaking.Queries.PlanQueueMatches;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanGames.Infrastructure.Mafia.Matchmaking;

/// <summary>
/// Runs the matcher: plans the tables the queue can form, then starts each in its own scope and
/// save (one table failing leaves the others started). One run at a time on this instance; a run
/// requested while one is going (a join) is folded into a single next run, so a burst of joins
/// costs a few runs. Across instances, a table whose entries another run took is skipped when its
/// save loses the race.
/// </summary>
internal sealed partial class QueueMatcherRunner(IServiceScopeFactory scopes, IServiceReadiness readiness, ILogger<QueueMatcherRunner> logger)
    : BackgroundService, IMatchmakingTrigger
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly SemaphoreSlim _oneRun = new(1, 1);

    public void RequestRun() => _requests.Writer.TryWrite(true);

    /// <summary>One matcher run (the Quartz sweep calls this too); answers how many games started.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return 0;
        }

        await _oneRun.WaitAsync(cancellationToken);
        try
        {
            IReadOnlyList<Domain.Mafia.Matchmaking.QueueMatch> plan;
            await using (var scope = scopes.CreateAsyncScope())
            {
                plan = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PlanQueueMatchesQuery(), cancellationToken);
            }

            var started = 0;
            foreach (var table in plan)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var game = await scope.ServiceProvider.GetRequiredService<IMediator>()
                        .Send(new StartQueuedGameCommand(table.Mode, table.Players.Select(p => p.EntryId).ToArray()), cancellationToken);
                    started += game is null ? 0 : 1;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogTableFailed(logger, exception, table.Mode, table.Language, table.Players.Count);
                }
            }

            return started;
        }
        finally
        {
            _oneRun.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRunFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the queue is in the database; the next start's sweep picks it up.
        }
    }

    public override void Dispose()
    {
        _oneRun.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Starting a {Mode} table of {Players} ({Language}) from the queue failed; its players stay queued")]
    private static partial void LogTableFailed(ILogger logger, Exception exception, string mode, string language, int players);

    [LoggerMessage(Level = LogLevel.Error, Message = "A matcher run failed; the next join or sweep runs it again")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
