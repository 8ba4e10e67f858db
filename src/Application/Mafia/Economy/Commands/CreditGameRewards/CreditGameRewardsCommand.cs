using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Commands.CreditGameRewards;

/// <summary>
/// Credits an ended game's recorded rewards from the rewards pool to its players' wallets, once: the
/// credits and the game's "credited" mark are one save, each credit carries the unique reference
/// <c>reward:{game}:{player}</c>, and a game already marked is left alone. Run on the game's end and by the
/// rewards sweep, any number of times, on any instance. Answers whether it credited anything now.
/// </summary>
public sealed record CreditGameRewardsCommand(Guid GameId) : IRequest<bool>;

public sealed class CreditGameRewardsCommandHandler(
    IRepository<Game> games,
    IRepository<Wallet> wallets,
    IRepository<LedgerTransaction> transactions,
    IChainGateway chain,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<CreditGameRewardsCommand, bool>
{
    public async Task<bool> Handle(CreditGameRewardsCommand request, CancellationToken cancellationToken)
    {
        var game = await games.GetByIdAsync(request.GameId, cancellationToken);
        if (game is null || !game.IsOver || game.RewardsCreditedAt is not null)
        {
            return false;
        }

        var now = clock.UtcNow;
        var gameId = game.Id.ToString("D", CultureInfo.InvariantCulture);
        foreach (var reward in game.Rewards.Where(r => r.Amount > 0))
        {
            var reference = string.Create(CultureInfo.InvariantCulture, $"reward:{game.Id:N}:{reward.AccountId}");
            if (await transactions.AnyAsync(new TransactionByReferenceSpec(reference), cancellationToken))
            {
                continue;
            }

            var wallet = await Wallets.OpenAsync(wallets, chain, reward.AccountId, now, cancellationToken);
            await transactions.AddAsync(LedgerTransaction.Reward(wallet, reward.Amount, "game_reward:" + gameId, now, reference), cancellationToken);
        }

        game.MarkRewardsCredited(now);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return true;
    }
}
