namespace CleanGames.Application.Common.Abstractions;

/// <summary>A signed access token and when it stops being accepted.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt, int ExpiresInSeconds);

/// <summary>Issues the platform's JWT access tokens: <c>sub</c> = account id, roles as claims, <c>sid</c> = the session it belongs to (if any).</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(long accountId, IEnumerable<string> roles, Guid? sessionId = null);

    /// <summary>
    /// Issues the token as of <paramref name="issuedAt"/> with the id <paramref name="tokenId"/>: the
    /// same arguments give the same token, so a repeated answer can carry the token first issued.
    /// </summary>
    AccessToken Issue(long accountId, IEnumerable<string> roles, DateTimeOffset issuedAt, string tokenId, Guid? sessionId = null);
}
