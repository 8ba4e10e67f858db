using System.Net;
using CleanGames.Application.Mafia.Economy.Commands.CreditGameRewards;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>A host whose players are rewarded for one game per UTC day (and may start games back to back).</summary>
public sealed class OneRewardedGameADayHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.UseSetting("Economy:MaxRewardedGamesPerDay", "1").UseSetting("RateLimiting:PerAccountPerMinute:mafia_lobby", "6000");
}

/// <summary>The daily limit of rewarded games (<c>Economy:MaxRewardedGamesPerDay</c>).</summary>
public sealed class DailyRewardLimitTests(OneRewardedGameADayHost host) : IClassFixture<OneRewardedGameADayHost>
{
    [Fact]
    public async Task A_player_past_the_days_limit_earns_nothing_from_another_game_that_day_and_zeroed_games_do_not_count()
    {
        var regular = Enumerable.Range(0, 5).Select(_ => MafiaTable.NewAccount()).ToArray();

        // A game of four earns nothing, so it does not use up the day's one rewarded game.
        var practice = await EndAsync(regular[..4]);
        Assert.Equal(GameRewardPolicy.TooFewPlayersNote, practice.RewardNote);

        var first = await EndAsync(regular);
        Assert.Null(first.RewardNote);
        Assert.All(first.Rewards, r => Assert.True(r.Amount > 0));

        // The same day: the regular earns nothing from a second game, the newcomers earn theirs.
        var newcomers = Enumerable.Range(0, 4).Select(_ => MafiaTable.NewAccount()).ToArray();
        var second = await EndAsync([regular[0], .. newcomers]);
        Assert.Equal(GameRewardPolicy.DailyLimitNote, second.RewardNote);
        Assert.Equal(0, Assert.Single(second.Rewards, r => r.AccountId == regular[0]).Amount);
        Assert.All(second.Rewards.Where(r => r.AccountId != regular[0]), r => Assert.True(r.Amount > 0));
        foreach (var reward in second.Rewards.Where(r => r.Amount > 0))
        {
            Assert.Equal(reward.Amount, await BalanceAsync(reward.AccountId, reward.Amount));
        }

        Assert.Equal(Reward(first, regular[0]), await BalanceAsync(regular[0], Reward(first, regular[0])));
    }

    private static long Reward(Game game, long accountId) => game.Rewards.Single(r => r.AccountId == accountId).Amount;

    /// <summary>Plays a table of <paramref name="players"/> to an admin's end and reads the game as stored.</summary>
    private async Task<Game> EndAsync(long[] players)
    {
        var table = await MafiaTable.StartAsync(host, accounts: players);
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/game/admin/{table.GameId}/end?winner_team=citizens", null)).StatusCode);
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.Set<Game>().AsNoTracking().Include(g => g.Rewards).SingleAsync(g => g.Id == Guid.Parse(table.GameId));
    }

    /// <summary>The account's balance once it reaches <paramref name="expected"/> (or after 15 s).</summary>
    private async Task<long> BalanceAsync(long accountId, long expected)
    {
        using var client = host.CreateClientFor(accountId);
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var balance = (await (await client.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64();
            if (balance >= expected || DateTime.UtcNow > until)
            {
                // A moment more, so a credit beyond the expected one would show.
                await Task.Delay(200);
                return (await (await client.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64();
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>A game's end credits its recorded rewards to the players' wallets, once.</summary>
public sealed class GameRewardTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task A_finished_game_of_five_credits_each_players_reward_once()
    {
        var table = await MafiaTable.StartAsync(host, players: 5);
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/game/admin/{table.GameId}/end?winner_team=citizens", null)).StatusCode);

        // Nobody died: the citizens' side earns 100 + 30, the mafia 20 + 30.
        var expected = table.Ids.ToDictionary(id => id, id => table.MafiaMembers.Contains(id) ? 50L : 130L);
        foreach (var (id, amount) in expected)
        {
            using var client = host.CreateClientFor(id);
            var until = DateTime.UtcNow.AddSeconds(15);
            long balance;
            do
            {
                balance = (await (await client.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64();
                if (balance == 0)
                {
                    await Task.Delay(100);
                }
            }
            while (balance == 0 && DateTime.UtcNow < until);

            Assert.Equal(amount, balance);
            var credit = Assert.Single((await (await client.GetAsync("/api/economy/transactions")).ReadJsonAsync()).EnumerateArray());
            Assert.Equal(("credit", "game_reward:" + table.GameId), (credit.GetProperty("type").GetString()!, credit.GetProperty("reason").GetString()!));
        }

        // Crediting again, as a second sweep or instance would, changes nothing.
        using (var scope = host.Services.CreateScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreditGameRewardsCommand(Guid.Parse(table.GameId))));
        }

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var rewards = await db.Set<LedgerTransaction>().AsNoTracking().Where(t => t.Kind == LedgerTransactionKind.Reward && t.Reason == "game_reward:" + table.GameId).ToListAsync();
            Assert.Equal(5, rewards.Count);
            Assert.Equal(expected.Values.Sum(), -rewards.Sum(t => t.AmountFor(SystemAccounts.RewardsPool)));
        }
    }
}
