using System.Text;
using CleanGames.Application.Mafia.Voice.Common;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CleanGames.Infrastructure.Mafia.Voice;

/// <summary>
/// Join tokens in LiveKit's access-token format, so a LiveKit server (or any SFU that reads them) can
/// be the voice server: HS256 over the API secret's UTF-8 bytes, <c>iss</c> = the API key, <c>sub</c> =
/// the participant's identity, <c>nbf</c>/<c>exp</c>, and a <c>video</c> grant that joins one room only.
/// Neither the token nor the secret is ever logged.
/// </summary>
internal sealed class LiveKitTokenIssuer(IOptions<VoiceOptions> options) : IVoiceTokenIssuer
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public VoiceToken Issue(VoiceGrant grant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var voice = options.Value;
        if (!voice.IsConfigured)
        {
            throw new InvalidOperationException("Voice is not configured (Voice:Url, Voice:ApiKey, Voice:ApiSecret).");
        }

        // JWT times are whole seconds; truncating here makes expires_at match the token's exp.
        var notBefore = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expires = notBefore.AddMinutes(voice.TokenMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = voice.ApiKey,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = grant.Identity,
                ["video"] = new Dictionary<string, object>
                {
                    ["room"] = grant.Room,
                    ["roomJoin"] = true,
                    ["canPublish"] = grant.CanPublish,
                    ["canSubscribe"] = true,
                    // Data messages are speech too (LiveKit's chat rides on them): whoever may not speak may not send them.
                    ["canPublishData"] = grant.CanPublish,
                },
            },
            SigningCredentials = new SigningCredentials(KeyOf(voice), SecurityAlgorithms.HmacSha256),
        };
        return new VoiceToken(_handler.CreateToken(descriptor), notBefore, expires);
    }

    internal static SymmetricSecurityKey KeyOf(VoiceOptions voice) => new(Encoding.UTF8.GetBytes(voice.ApiSecret!));
}
