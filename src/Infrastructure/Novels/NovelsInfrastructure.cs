using CleanGames.Application.Novels.Common;
using CleanGames.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.Novels;

internal static class NovelsInfrastructure
{
    /// <summary>Novels' adapters: the reference genres and tags, catalogue counts, the chapter-view buffer with its job and shutdown write.</summary>
    public static IServiceCollection AddNovelsInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<NovelsOptions>().BindConfiguration(NovelsOptions.Section)
            .Validate(o => o.IsValid(), "Novels:* settings are out of range (ViewsFlushSeconds 1..3600, ViewWindowMinutes 1..1440, MaxTrackedReads 1000..10000000, MaxPendingCounters 100..1000000).")
            .ValidateOnStart();
        services.AddReferenceDataSeeder<NovelsReferenceDataSeeder>();
        services.AddScoped<INovelCatalogStats, EfNovelCatalogStats>();
        services.AddSingleton<IChapterViewBuffer, InMemoryChapterViewBuffer>();
        services.AddHostedService<ChapterViewsSchedule>();
        services.AddHostedService<ChapterViewsShutdownFlush>();
        return services;
    }
}
