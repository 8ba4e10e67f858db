using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Gateway;

public static class GatewayModule
{
    /// <summary>
    /// The Gateway's use cases (<c>system.ping</c>) need nothing beyond the handler scan; this is where
    /// anything they come to share is registered, so the composition root keeps one line per module.
    /// </summary>
    public static IServiceCollection AddGateway(this IServiceCollection services) => services;
}
