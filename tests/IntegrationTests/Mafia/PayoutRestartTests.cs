using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>
/// The chain, outside the server: it outlives a restart of the server and remembers every payout it
/// accepted. It can be told to accept the next payout and then stop answering (the server dies
/// before it hears the outcome), and to be unreachable.
/// </summary>
public sealed class ExternalChain : IChainGateway
{
    private readonly ConcurrentDictionary<string, PayoutOutcome> _paid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _hung = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _hangAfter = int.MaxValue;

    /// <summary>True while the chain cannot be reached: every call throws.</summary>
    public bool Unreachable { get; set; }

    /// <summary>How many times each reference was accepted for payment.</summary>
    public IReadOnlyDictionary<string, int> Accepted => _accepted;

    public IReadOnlyDictionary<string, PayoutOutcome> Paid => _paid;

    /// <summary>Completes when the chain accepted the payout it hangs after.</summary>
    public Task Hung => _hung.Task;

    /// <summary>The <paramref name="count"/>-th payout is accepted (paid), and then its caller hears nothing.</summary>
    public void HangAfter(int count) => _hangAfter = count;

    /// <summary>The hung call ends without an outcome, and the chain is unreachable from then on.</summary>
    public void DropTheHungCall()
    {
        Unreachable = true;
        _release.TrySetResult();
    }

    public ChainAddresses AddressesOf(long accountId) => new(Address("wallet", accountId), Address("jetton", accountId));

    public Task<ChainBalances> BalancesAsync(ChainAddresses addresses, CancellationToken cancellationToken) => Task.FromResult(new ChainBalances(0m, 0m));

    public async Task<PayoutOutcome> PayOutAsync(PayoutOrder order, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        var outcome = new PayoutOutcome(true, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(order.Reference))));
        _accepted.AddOrUpdate(order.Reference, 1, (_, n) => n + 1);
        _paid.TryAdd(order.Reference, outcome);
        if (_paid.Count == _hangAfter)
        {
            _hung.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
            throw new HttpRequestException("The chain accepted the payout, but its answer was lost.");
        }

        return outcome;
    }

    public Task<PayoutOutcome?> FindPayoutAsync(string reference, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        return Task.FromResult(_paid.TryGetValue(reference, out var outcome) ? outcome : null);
    }

    private void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new HttpRequestException("The chain cannot be reached.");
        }
    }

    private static string Address(string purpose, long accountId) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{accountId}"))).Replace('+', '-').Replace('/', '_');
}

/// <summary>A host on a kept database file whose payout job runs every second against <see cref="ExternalChain"/>.</summary>
public sealed class ExternalChainHost(string databasePath, ExternalChain chain) : CleanGamesHost(databasePath)
{
    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.UseSetting("Economy:PayoutIntervalSeconds", "1")
            .ConfigureTestServices(services => services.AddSingleton<IChainGateway>(chain));
}

/// <summary>A payout batch cut off by a restart is finished by the next server: every withdrawal paid once.</summary>
public sealed class PayoutRestartTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task A_batch_cut_off_mid_payout_is_finished_after_the_restart_and_nothing_is_paid_twice()
    {
        var chain = new ExternalChain();
        chain.HangAfter(3);
        var first = new ExternalChainHost(DatabasePath, chain);
        await first.InitializeAsync();
        var (playerId, player) = await Withdrawals.FundedPlayerAsync(first, 1000);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Withdrawals.WithdrawAsync(player, 100 + i)).GetProperty("id").GetString()!);
        }

        // The third payout reaches the chain, and the server never hears back; then the chain is cut
        // off, so whatever the batch still holds is left processing or pending, and the server stops.
        await chain.Hung.WaitAsync(TimeSpan.FromSeconds(20));
        chain.DropTheHungCall();
        player.Dispose();
        await first.StopAsync();
        await first.DisposeAsync();
        Assert.Contains(nameof(LedgerTransactionStatus.Processing), await StatusesAsync(DatabasePath));
        Assert.Equal(3, chain.Paid.Count);

        chain.Unreachable = false;
        await using var second = new ExternalChainHost(DatabasePath, chain);
        await second.InitializeAsync();
        using var again = second.CreateClientFor(playerId);
        foreach (var id in ids)
        {
            var row = await Withdrawals.SettledAsync(again, id);
            Assert.Equal("completed", row.GetProperty("status").GetString());
            Assert.Equal(chain.Paid[id].TxHash, row.GetProperty("tx_hash").GetString());
        }

        Assert.Equal(ids.Order(), chain.Accepted.Keys.Order());
        Assert.All(chain.Accepted, accepted => Assert.Equal(1, accepted.Value));
        Assert.Equal(1000 - (100 + 101 + 102 + 103 + 104), (await (await again.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64());
        await Withdrawals.AssertLedgerBalancedAsync(second);
        using var scope = second.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var withdrawals = await db.Set<LedgerTransaction>().AsNoTracking().Where(t => t.Kind == LedgerTransactionKind.Withdrawal).ToListAsync();
        Assert.Equal(0, withdrawals.Sum(t => t.AmountFor(SystemAccounts.PendingWithdrawals)));
    }

    /// <summary>The withdrawals' statuses as the stopped server left them in its database file.</summary>
    private static async Task<List<string>> StatusesAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status FROM economy_transactions WHERE Kind = 'Withdrawal'";
        var statuses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetString(0));
        }

        return statuses;
    }
}
