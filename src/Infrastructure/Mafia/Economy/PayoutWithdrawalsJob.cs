using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Economy.Commands.PayOutWithdrawal;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Economy.Queries.ListOpenWithdrawals;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CleanGames.Infrastructure.Scheduling;
using Quartz;

namespace CleanGames.Infrastructure.Mafia.Economy;

/// <summary>
/// Pays pending withdrawals and reconciles those a crash left processing, a batch per run, every
/// <c>Economy:PayoutIntervalSeconds</c>. Each withdrawal is one <see cref="PayOutWithdrawalCommand"/> in its
/// own scope: one failing (the chain not answering) is logged and retried by the next run.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class PayoutWithdrawalsJob(IServiceScopeFactory scopes, IServiceReadiness readiness, IOptions<EconomyOptions> options, ILogger<PayoutWithdrawalsJob> logger) : IJob
{
    public static readonly JobKey Key = new("economy.payout-withdrawals");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        IReadOnlyList<Guid> open;
        await using (var scope = scopes.CreateAsyncScope())
        {
            open = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListOpenWithdrawalsQuery(options.Value.PayoutBatchSize), cancellationToken);
        }

        foreach (var id in open)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PayOutWithdrawalCommand(id), cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(exception, id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Withdrawal {WithdrawalId} could not be paid out now; the next run tries again")]
    private partial void LogFailed(Exception exception, Guid withdrawalId);
}

/// <summary>Schedules <see cref="PayoutWithdrawalsJob"/> at start, every <c>Economy:PayoutIntervalSeconds</c> (0: off).</summary>
internal sealed class PayoutSchedule(ISchedulerFactory schedulers, IOptions<EconomyOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seconds = options.Value.PayoutIntervalSeconds;
        if (seconds == 0)
        {
            return;
        }

        await RepeatingJobs.ScheduleAsync<PayoutWithdrawalsJob>(schedulers, PayoutWithdrawalsJob.Key, "economy.payout-withdrawals.every", TimeSpan.FromSeconds(seconds), fromStart: false, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
