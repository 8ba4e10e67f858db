namespace CleanGames.Application.Identity.Contracts;

/// <summary>
/// How a moderation module bans and unbans an account in Identity: a banned account cannot sign in or
/// refresh, its roles count for nothing, and its sockets are refused on connect. The change joins the
/// caller's unit of work (it is saved with the caller's save).
/// </summary>
public interface IAccountBans
{
    /// <summary>Marks the account banned; false when no account has this id.</summary>
    Task<bool> BanAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>Marks the account active again (nothing when it is not banned or does not exist).</summary>
    Task UnbanAsync(long accountId, CancellationToken cancellationToken);
}
