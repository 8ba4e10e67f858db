using CleanGames.Application.Kitchen.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Kitchen;

public static class KitchenModule
{
    /// <summary>What Kitchen's use cases share beyond the handler scan; its options are bound by its infrastructure.</summary>
    public static IServiceCollection AddKitchen(this IServiceCollection services)
    {
        services.AddOptions<KitchenOptions>();
        services.AddScoped<KitchenSessionRunner>();
        return services;
    }
}
