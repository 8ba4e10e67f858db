using CleanGames.Application.Novels.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Novels;

public static class NovelsModule
{
    /// <summary>What Novels' use cases share beyond the handler scan; its options are bound by its infrastructure.</summary>
    public static IServiceCollection AddNovels(this IServiceCollection services)
    {
        services.AddOptions<NovelsOptions>();
        services.AddScoped<TaxonomyLookup>();
        services.AddScoped<NovelModelBuilder>();
        services.AddScoped<BookmarkViews>();
        return services;
    }
}
