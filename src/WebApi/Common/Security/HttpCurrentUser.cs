using System.Globalization;
using System.Security.Claims;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;

namespace CleanGames.WebApi.Common.Security;

/// <summary>
/// The caller as the JWT bearer handler verified it. Realtime adapters (hubs, socket routers) set
/// the principal of their connection explicitly with <see cref="Use"/>, since a hub invocation has
/// no request of its own.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    private ClaimsPrincipal? Principal => _principal ?? accessor.HttpContext?.User;

    public bool IsAuthenticated => AccountId is not null;

    public long? AccountId =>
        Principal?.Identity?.IsAuthenticated == true
        && long.TryParse(Principal.FindFirstValue(AccountClaimTypes.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public IReadOnlyCollection<string> Roles =>
        Principal?.FindAll(AccountClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray() ?? [];

    public bool IsInRole(string role) => IsAuthenticated && Principal!.HasClaim(AccountClaimTypes.Role, role);

    public string? ConnectionId { get; private set; }

    /// <summary>Makes <paramref name="principal"/> the caller, on the realtime connection <paramref name="connectionId"/>.</summary>
    public void Use(ClaimsPrincipal principal, string? connectionId = null)
    {
        _principal = principal;
        ConnectionId = connectionId;
    }
}
