using CleanGames.Application.Identity.Commands.SignInWithTelegram;
using CleanGames.Application.Identity.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.Identity;

internal static class IdentityRegistration
{
    public static IServiceCollection AddIdentityAdapters(this IServiceCollection services)
    {
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section);
        services.AddSingleton<Application.Identity.Common.IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<IAdminDirectory, ConfiguredAdminDirectory>();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        services.AddSingleton<ITelegramLoginVerifier, TelegramLoginVerifier>();
        return services;
    }
}
