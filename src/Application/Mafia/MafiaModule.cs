using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Mafia;

public static class MafiaModule
{
    /// <summary>The helpers Mafia's games and lobbies share beyond the handler scan.</summary>
    public static IServiceCollection AddMafia(this IServiceCollection services)
    {
        services.AddScoped<GameAccess>();
        services.AddScoped<SeatGuard>();
        services.AddScoped<LobbyTable>();
        return services;
    }
}
