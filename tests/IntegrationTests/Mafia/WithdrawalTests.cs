using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.Application.Mafia.Economy.Commands.PayOutWithdrawal;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>A host whose payout job runs every second on a simulated chain that pays every withdrawal.</summary>
public sealed class PayingChainHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseSetting("Economy:PayoutIntervalSeconds", "1");
}

/// <summary>A host whose payout job runs every second on a simulated chain that refuses every withdrawal.</summary>
public sealed class RefusingChainHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.UseSetting("Economy:PayoutIntervalSeconds", "1").UseSetting("Economy:Chain:FailureRate", "1");
}

/// <summary>A host without the payout job, so a test can play the job's steps itself.</summary>
public sealed class NoPayoutJobHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseSetting("Economy:PayoutIntervalSeconds", "0");
}

internal static class Withdrawals
{
    public static async Task<(long Id, HttpClient Client)> FundedPlayerAsync(CleanGamesHost host, long tokens)
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/economy/admin/grant", Body(new { user_id = id.ToString(), amount = tokens, reason = "funds" }))).StatusCode);
        return (id, host.CreateClientFor(id));
    }

    public static async Task<JsonElement> WithdrawAsync(HttpClient client, long amount)
    {
        var response = await client.PostAsync("/api/economy/withdraw", Body(new { amount }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Polls the player's history until the transaction leaves pending and processing.</summary>
    public static async Task<JsonElement> SettledAsync(HttpClient client, string id)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var row = (await (await client.GetAsync("/api/economy/transactions")).ReadJsonAsync()).EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
            if (row.GetProperty("status").GetString() is "completed" or "failed" || DateTime.UtcNow > until)
            {
                return row;
            }

            await Task.Delay(200);
        }
    }

    public static async Task AssertLedgerBalancedAsync(CleanGamesHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var transactions = await db.Set<LedgerTransaction>().AsNoTracking().ToListAsync();
        Assert.All(transactions, t => Assert.Equal(0, t.Entries.Sum(e => e.Amount)));
        var byAccount = transactions.SelectMany(t => t.Entries).GroupBy(e => e.AccountId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        foreach (var wallet in await db.Set<Wallet>().AsNoTracking().ToListAsync())
        {
            Assert.Equal(byAccount.GetValueOrDefault(wallet.Id), wallet.Balance);
        }
    }
}

public sealed class WithdrawalPayoutTests(PayingChainHost host) : IClassFixture<PayingChainHost>
{
    [Fact]
    public async Task A_withdrawal_answers_pending_at_once_and_the_payout_job_completes_it()
    {
        var (id, player) = await Withdrawals.FundedPlayerAsync(host, 500);
        using var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(id)}");
        await MafiaTable.NextAsync(socket, "type", "connected");

        var pending = await Withdrawals.WithdrawAsync(player, 200);
        Assert.Equal(["id", "user_id", "amount", "type", "reason", "is_onchain", "tx_hash", "timestamp", "status"], pending.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(("withdrawal", 200L, "pending", true), (pending.GetProperty("type").GetString()!, pending.GetProperty("amount").GetInt64(), pending.GetProperty("status").GetString()!, pending.GetProperty("is_onchain").GetBoolean()));
        Assert.Equal(300, (await (await player.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64());

        var settled = await Withdrawals.SettledAsync(player, pending.GetProperty("id").GetString()!);
        Assert.Equal("completed", settled.GetProperty("status").GetString());
        Assert.Matches("^[0-9a-f]{64}$", settled.GetProperty("tx_hash").GetString());
        Assert.Equal(300, (await (await player.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64());

        var notice = await MafiaTable.NextAsync(socket, "type", "notification");
        Assert.Equal("withdrawal_completed", notice.GetProperty("notification_type").GetString());
        Assert.Equal(settled.GetProperty("tx_hash").GetString(), notice.GetProperty("data").GetProperty("tx_hash").GetString());
        await Withdrawals.AssertLedgerBalancedAsync(host);
    }

    [Fact]
    public async Task A_withdrawal_under_the_minimum_or_over_the_balance_is_refused_and_moves_nothing()
    {
        var (_, player) = await Withdrawals.FundedPlayerAsync(host, 150);
        var small = await player.PostAsync("/api/economy/withdraw", Body(new { amount = 99 }));
        Assert.Equal(HttpStatusCode.BadRequest, small.StatusCode);
        Assert.Equal("The minimum withdrawal is 100", (await small.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await player.PostAsync("/api/economy/withdraw", Body(new { amount = 151 }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await player.PostAsync("/api/economy/withdraw", Body(new { amount = 0 }))).StatusCode);
        Assert.Equal(150, (await (await player.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64());
    }
}

public sealed class WithdrawalRefundTests(RefusingChainHost host) : IClassFixture<RefusingChainHost>
{
    [Fact]
    public async Task A_withdrawal_the_chain_refuses_fails_and_its_amount_comes_back()
    {
        var (id, player) = await Withdrawals.FundedPlayerAsync(host, 400);
        using var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(id)}");
        await MafiaTable.NextAsync(socket, "type", "connected");
        var pending = await Withdrawals.WithdrawAsync(player, 250);
        Assert.Equal(150, (await (await player.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64());

        var settled = await Withdrawals.SettledAsync(player, pending.GetProperty("id").GetString()!);
        Assert.Equal("failed", settled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, settled.GetProperty("tx_hash").ValueKind);
        Assert.Equal(400, (await (await player.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64());
        Assert.Equal("withdrawal_failed", (await MafiaTable.NextAsync(socket, "type", "notification")).GetProperty("notification_type").GetString());
        await Withdrawals.AssertLedgerBalancedAsync(host);
    }
}

public sealed class WithdrawalReconcileTests(NoPayoutJobHost host) : IClassFixture<NoPayoutJobHost>
{
    [Fact]
    public async Task A_withdrawal_a_crash_left_processing_is_paid_once_however_often_the_job_runs()
    {
        var (_, player) = await Withdrawals.FundedPlayerAsync(host, 1000);
        var pending = await Withdrawals.WithdrawAsync(player, 300);
        var id = Guid.Parse(pending.GetProperty("id").GetString()!);

        // The crash: the job marked it processing and died before the chain answered.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var withdrawal = await db.Set<LedgerTransaction>().SingleAsync(t => t.Id == id);
            withdrawal.StartPayout();
            await db.SaveChangesAsync();
        }

        // Three runs of the job's step at once, as several instances or a retried job would.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var scope = host.Services.CreateScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PayOutWithdrawalCommand(id)));
        }));

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var withdrawal = await db.Set<LedgerTransaction>().AsNoTracking().SingleAsync(t => t.Id == id);
            Assert.Equal(LedgerTransactionStatus.Completed, withdrawal.Status);
            Assert.Equal(4, withdrawal.Entries.Count);
            Assert.Equal(300, withdrawal.AmountFor(SystemAccounts.Treasury));
        }

        Assert.Equal(700, (await (await player.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64());
        await Withdrawals.AssertLedgerBalancedAsync(host);
    }
}
