using CleanGames.Application.Common.Abstractions;

namespace CleanGames.Application.Common.Security;

/// <summary>The roles an account holds now, as stored (Identity answers; a revoke applies at once).</summary>
public interface IRoleStore
{
    /// <summary>The role names of the account (none when it does not exist or is banned).</summary>
    Task<IReadOnlyCollection<string>> RolesOfAsync(long accountId, CancellationToken cancellationToken);
}

/// <summary>
/// Whether the caller holds a role. The access token's claims are a cheap first answer: a token
/// without the role is refused without a read. A token that claims the role is believed only if the
/// stored account still holds it, so a revoked admin is refused at once, not when the token expires.
/// A role granted after the token was issued counts from the caller's next token.
/// </summary>
public sealed class CallerRoles(ICurrentUser user, IRoleStore store)
{
    private IReadOnlyCollection<string>? _stored;

    public async Task<bool> IsInRoleAsync(string role, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(role) || user.AccountId is not { } accountId)
        {
            return false;
        }

        _stored ??= await store.RolesOfAsync(accountId, cancellationToken);
        return _stored.Contains(role);
    }

    /// <summary>True when the caller holds at least one of <paramref name="roles"/>.</summary>
    public async Task<bool> IsInAnyRoleAsync(IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        foreach (var role in roles)
        {
            if (await IsInRoleAsync(role, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
