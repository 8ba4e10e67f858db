using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Novels;

/// <summary>
/// <c>RateLimiting:Novels:*</c>: contract §15's limits on the public routes, counted per client
/// address (the connection's, or the trusted proxy's <c>X-Forwarded-For</c>) over a sliding minute.
/// Over the limit: 429 <c>RATE_LIMIT_EXCEEDED</c> with <c>Retry-After</c>, in the Novels dialect.
/// </summary>
public sealed class NovelsRateLimits
{
    public const string Section = "RateLimiting:Novels";

    /// <summary>The policy of <c>GET /novels</c>, <c>GET /novels/{slug}</c>, <c>GET /tags</c>, <c>GET /genres</c>.</summary>
    public const string Catalogue = "novels_catalogue";

    /// <summary>The policy of <c>GET /chapters/{id}</c> and <c>GET /novels/{slug}/chapters</c>.</summary>
    public const string Reading = "novels_reading";

    /// <summary><c>RateLimiting:Novels:CataloguePerMinute</c>: catalogue and search requests per address per minute.</summary>
    public int CataloguePerMinute { get; set; } = 60;

    /// <summary><c>RateLimiting:Novels:ReadingPerMinute</c>: chapter reading requests per address per minute.</summary>
    public int ReadingPerMinute { get; set; } = 120;

    /// <summary><c>RateLimiting:Novels:BookmarksPerHour</c>: bookmark changes (POST, PUT, DELETE) per account per hour.</summary>
    public int BookmarksPerHour { get; set; } = 100;

    /// <summary><c>RateLimiting:Novels:ContentPerHour</c>: novels and chapters created per account per hour.</summary>
    public int ContentPerHour { get; set; } = 100;

    internal static void AddPolicies(IServiceCollection services)
    {
        services.AddOptions<NovelsRateLimits>().BindConfiguration(Section)
            .Validate(o => o.CataloguePerMinute >= 1 && o.ReadingPerMinute >= 1 && o.BookmarksPerHour >= 1 && o.ContentPerHour >= 1,
                "RateLimiting:Novels:CataloguePerMinute, ReadingPerMinute, BookmarksPerHour and ContentPerHour must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<NovelsAccountLimiter>();
        services.Configure<RateLimiterOptions>(limiter =>
        {
            limiter.AddPolicy(Catalogue, context => PerAddress(context, limits => limits.CataloguePerMinute));
            limiter.AddPolicy(Reading, context => PerAddress(context, limits => limits.ReadingPerMinute));
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<NovelsRateLimits, int> permits) =>
        RateLimitPartition.GetSlidingWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits(context.RequestServices.GetRequiredService<IOptions<NovelsRateLimits>>().Value),
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
