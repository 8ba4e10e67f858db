using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Lobbies.Common;

namespace CleanGames.Infrastructure.Mafia;

/// <summary>A banned account may not take a seat; the moderation module will refine this.</summary>
internal sealed class AccountPlayerStanding(IAccountDirectory accounts) : IPlayerStanding
{
    public async Task<bool> MayPlayAsync(long accountId, CancellationToken cancellationToken) =>
        !await accounts.IsBannedAsync(accountId, cancellationToken);
}
