using CleanGames.Application.Identity.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Identity;

public static class IdentityModule
{
    /// <summary>What Identity's use cases share beyond the handler scan; its options are bound by its infrastructure.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>();
        services.AddScoped<SessionIssuer>();
        return services;
    }
}
