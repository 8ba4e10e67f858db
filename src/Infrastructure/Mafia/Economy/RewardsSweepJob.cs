using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Economy.Commands.CreditGameRewards;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Economy.Queries.ListGamesDueRewards;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CleanGames.Infrastructure.Scheduling;
using Quartz;

namespace CleanGames.Infrastructure.Mafia.Economy;

/// <summary>
/// Credits the rewards of every ended game not credited yet (a batch per run), every
/// <c>Economy:RewardSweepSeconds</c> and whenever a game ends. Each game is one
/// <see cref="CreditGameRewardsCommand"/> in its own scope, safe to repeat.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RewardsSweepJob(IServiceScopeFactory scopes, IServiceReadiness readiness, ILogger<RewardsSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("economy.credit-rewards");

    public const int BatchSize = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        IReadOnlyList<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListGamesDueRewardsQuery(BatchSize), cancellationToken);
        }

        foreach (var gameId in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreditGameRewardsCommand(gameId), cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(exception, gameId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The rewards of game {GameId} could not be credited now; the next sweep tries again")]
    private partial void LogFailed(Exception exception, Guid gameId);
}

/// <summary>Schedules <see cref="RewardsSweepJob"/> every <c>Economy:RewardSweepSeconds</c> (0: off) and runs it on demand.</summary>
internal sealed class RewardsSweep(ISchedulerFactory schedulers, IOptions<EconomyOptions> options) : IHostedService, IRewardsSweep
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seconds = options.Value.RewardSweepSeconds;
        if (seconds == 0)
        {
            return;
        }

        await RepeatingJobs.ScheduleAsync<RewardsSweepJob>(schedulers, RewardsSweepJob.Key, "economy.credit-rewards.every", TimeSpan.FromSeconds(seconds), fromStart: false, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RunSoonAsync(CancellationToken cancellationToken)
    {
        if (options.Value.RewardSweepSeconds == 0)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.GetJobDetail(RewardsSweepJob.Key, cancellationToken) is not null)
        {
            await scheduler.TriggerJob(RewardsSweepJob.Key, cancellationToken);
        }
    }
}
