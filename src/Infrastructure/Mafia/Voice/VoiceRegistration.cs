using System.Text;
using CleanGames.Application.Mafia.Voice.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.Mafia.Voice;

internal static class VoiceRegistration
{
    /// <summary>
    /// Voice is off until <c>Voice:Url</c>, <c>Voice:ApiKey</c> and <c>Voice:ApiSecret</c> are all set (its
    /// routes answer 503), so a fresh <c>dotnet run</c> starts; a partial or weak configuration stops the start.
    /// </summary>
    public static IServiceCollection AddVoice(this IServiceCollection services)
    {
        services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section)
            .Validate(o => o.IsConfigured || (string.IsNullOrEmpty(o.Url) && string.IsNullOrEmpty(o.ApiKey) && string.IsNullOrEmpty(o.ApiSecret)),
                "Voice: set Voice:Url, Voice:ApiKey and Voice:ApiSecret together (or none of them, which turns voice off).")
            .Validate(o => string.IsNullOrEmpty(o.ApiSecret) || Encoding.UTF8.GetByteCount(o.ApiSecret) >= 32,
                "Voice:ApiSecret must be at least 32 bytes (it is an HS256 key).")
            .Validate(o => string.IsNullOrEmpty(o.Url) || (Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss" or "http" or "https"),
                "Voice:Url must be an absolute ws://, wss://, http:// or https:// address.")
            .Validate(o => o.TokenMinutes is >= 1 and <= 60, "Voice:TokenMinutes must be between 1 and 60.")
            .ValidateOnStart();
        services.AddSingleton<IVoiceTokenIssuer, LiveKitTokenIssuer>();
        return services;
    }
}
