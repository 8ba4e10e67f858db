using CleanGames.Application.Mafia.Voice.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Games.Commands.CastVote;
using CleanGames.Application.Mafia.Games.Commands.SubmitNightAction;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Mafia;

public static class MafiaModule
{
    /// <summary>The helpers Mafia's games and lobbies share beyond the handler scan.</summary>
    public static IServiceCollection AddMafia(this IServiceCollection services)
    {
        services.AddScoped<GameAccess>();
        services.AddScoped<SeatGuard>();
        services.AddScoped<VoiceAccess>();
        services.AddScoped<LobbyTable>();
        services.AddScoped<Moderation.Common.ModerationTargets>();
        services.AddScoped<Social.Common.ReportsRule>();
        services.AddScoped<IRequestAuthorizer<CastVoteCommand>, PlayersOnly<CastVoteCommand>>();
        services.AddScoped<IRequestAuthorizer<SubmitNightActionCommand>, PlayersOnly<SubmitNightActionCommand>>();
        return services;
    }
}
