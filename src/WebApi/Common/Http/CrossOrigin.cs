using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Common.Http;

public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>
    /// <c>Cors:AllowedOrigins</c>: the exact origins (<c>https://app.example.com</c>) whose browser
    /// pages may call the API and negotiate the hubs, with credentials. Empty by default: no other
    /// origin's page can read an answer. Never a wildcard: credentials are allowed for these only.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>ASP.NET Core's CORS middleware with one policy: the origins listed in <c>Cors:AllowedOrigins</c>.</summary>
public static class CrossOrigin
{
    public const string PolicyName = "allowed-origins";

    /// <summary>Headers a page may read besides the safelisted ones: the request id, the wait after a 429 or 503, the bearer challenge.</summary>
    private static readonly string[] ExposedHeaders = ["X-Request-Id", "Retry-After", "WWW-Authenticate"];

    internal static IServiceCollection AddCrossOrigin(this IServiceCollection services)
    {
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CrossOriginOptions>, CrossOriginOptionsValidator>();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, origins) =>
            cors.AddPolicy(PolicyName, policy => policy
                .WithOrigins([.. origins.Value.AllowedOrigins])
                .AllowAnyMethod()
                .AllowAnyHeader()
                .AllowCredentials()
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    /// <summary>
    /// After routing and before the readiness gate, the rate limiter and authentication: a preflight
    /// is answered without a token, a permit or a ready database, and every answer after it (503,
    /// 429, 401 included) carries the headers, so a listed page can read why it was refused. Only
    /// requests with an <c>Origin</c> header pay for the policy, and with no origin listed nothing
    /// is added at all; no endpoint carries CORS metadata, so skipping it is safe.
    /// </summary>
    internal static WebApplication UseCrossOrigin(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CrossOriginOptions>>().Value.AllowedOrigins.Count > 0)
        {
            app.UseWhen(context => context.Request.Headers.Origin.Count > 0, crossOrigin => crossOrigin.UseCors(PolicyName));
        }

        return app;
    }

    /// <summary>An origin as a browser sends it: <c>http</c> or <c>https</c>, a host, an optional non-default port, nothing else.</summary>
    internal static bool IsOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), value, StringComparison.OrdinalIgnoreCase);

    private sealed class CrossOriginOptionsValidator : IValidateOptions<CrossOriginOptions>
    {
        public ValidateOptionsResult Validate(string? name, CrossOriginOptions options)
        {
            var wrong = options.AllowedOrigins.Where(o => !IsOrigin(o)).ToList();
            return wrong.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"Cors:AllowedOrigins holds {string.Join(", ", wrong.Select(o => $"'{o}'"))}, which is not an origin: write scheme://host[:port] "
                    + "with http or https, no path or trailing slash, no wildcard (Cors__AllowedOrigins__0=https://app.example.com).");
        }
    }
}
