using System.Net;
using CleanGames.Application.Mafia.Economy.Commands.CreditGameRewards;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Mafia;

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
