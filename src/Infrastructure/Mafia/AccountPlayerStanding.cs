using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Moderation.Common;

namespace CleanGames.Infrastructure.Mafia;

/// <summary>A banned account may do nothing; the moderation module will add restrictions.</summary>
internal sealed class AccountPlayerStanding(IAccountDirectory accounts) : IPlayerStanding
{
    public async Task<PlayerStanding> OfAsync(long accountId, CancellationToken cancellationToken) =>
        await accounts.IsBannedAsync(accountId, cancellationToken)
            ? new PlayerStanding(false, false, false, false, "The account is banned.")
            : PlayerStanding.Clear;
}
