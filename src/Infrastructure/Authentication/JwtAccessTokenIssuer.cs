using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using System.Text;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CleanGames.Infrastructure.Authentication;

internal sealed class JwtAccessTokenIssuer(IOptions<JwtOptions> options, [FromKeyedServices(ApplicationClock.Key)] TimeProvider timeProvider) : IAccessTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessToken Issue(long accountId, IEnumerable<string> roles, Guid? sessionId = null) =>
        Issue(accountId, roles, timeProvider.GetUtcNow(), Guid.NewGuid().ToString("N"), sessionId);

    public AccessToken Issue(long accountId, IEnumerable<string> roles, DateTimeOffset issuedAt, string tokenId, Guid? sessionId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenId);
        var jwt = options.Value;
        // JWT times are whole seconds; truncating here makes the expiry we report match the token's.
        var now = DateTimeOffset.FromUnixTimeSeconds(issuedAt.ToUnixTimeSeconds());
        var lifetime = TimeSpan.FromMinutes(jwt.AccessTokenMinutes);
        var expires = now + lifetime;

        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, accountId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(JwtRegisteredClaimNames.Jti, tokenId),
        };
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(AccountClaimTypes.Role, r)));
        if (sessionId is { } session)
        {
            claims.Add(new Claim(AccountClaimTypes.Session, session.ToString("N", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(CreateKey(jwt), SecurityAlgorithms.HmacSha256),
        };

        return new AccessToken(_handler.CreateToken(descriptor), expires, (int)lifetime.TotalSeconds);
    }

    internal static SymmetricSecurityKey CreateKey(JwtOptions jwt) => new(Encoding.UTF8.GetBytes(jwt.SigningKey!));
}
