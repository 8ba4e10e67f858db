namespace CleanGames.Application.Mafia.Voice.Common;

/// <summary>What one join token lets its holder do: join <see cref="Room"/> as <see cref="Identity"/>, speaking only when <see cref="CanPublish"/>.</summary>
public sealed record VoiceGrant(string Identity, string Room, bool CanPublish);

/// <summary>A signed join token and its validity window (whole seconds, as in the token).</summary>
public sealed record VoiceToken(string Token, DateTimeOffset NotBefore, DateTimeOffset ExpiresAt);

/// <summary>Issues join tokens the SFU accepts (LiveKit's access-token format, signed with <c>Voice:ApiSecret</c>).</summary>
public interface IVoiceTokenIssuer
{
    VoiceToken Issue(VoiceGrant grant, DateTimeOffset now);
}
