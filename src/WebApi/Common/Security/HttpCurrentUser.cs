using System.Globalization;
using System.Security.Claims;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;

namespace CleanGames.WebApi.Common.Security;

/// <summary>
/// The caller as the JWT bearer handler verified it, set with <see cref="Use"/> by whatever carries
/// the request to the application: <see cref="CurrentUserFilter"/> for controller actions, the
/// realtime command router for hub invocations and socket frames (which have no request of their
/// own). Until then the caller is anonymous, so a path that forgets to set it fails closed.
/// </summary>
public sealed class HttpCurrentUser : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public bool IsAuthenticated => AccountId is not null;

    public long? AccountId =>
        _principal?.Identity?.IsAuthenticated == true
        && long.TryParse(_principal.FindFirstValue(AccountClaimTypes.Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public IReadOnlyCollection<string> Roles =>
        _principal?.FindAll(AccountClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray() ?? [];

    public bool IsInRole(string role) => IsAuthenticated && _principal!.HasClaim(AccountClaimTypes.Role, role);

    public string? ConnectionId { get; private set; }

    public string? ClientAddress { get; private set; }

    /// <summary>Makes <paramref name="principal"/> the caller of a realtime connection's command.</summary>
    public void Use(ClaimsPrincipal principal, string connectionId)
    {
        _principal = principal;
        ConnectionId = connectionId;
    }

    /// <summary>Makes the verified principal of a plain HTTP request the caller, from the request's client address.</summary>
    public void Use(HttpContext context)
    {
        _principal = context.User;
        ClientAddress = context.Connection.RemoteIpAddress?.ToString();
    }
}
