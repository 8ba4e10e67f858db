using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>
/// Which dialect a path speaks when no endpoint declared one: unknown routes (404), wrong methods
/// (405), and rejections that happen before routing. Longest prefix wins; an exact entry matches
/// only that path.
/// </summary>
public sealed class DialectRouteOptions
{
    internal List<(PathString Path, bool Exact, ApiDialect Dialect)> Routes { get; } = [];

    public DialectRouteOptions MapPrefix(string prefix, ApiDialect dialect)
    {
        Routes.Add((new PathString(prefix), false, dialect));
        return this;
    }

    public DialectRouteOptions MapExact(string path, ApiDialect dialect)
    {
        Routes.Add((new PathString(path), true, dialect));
        return this;
    }
}

public sealed class DialectResolver(IOptions<DialectRouteOptions> options)
{
    public ApiDialect Resolve(HttpContext context)
    {
        // The exception handler clears the endpoint before it runs; its feature keeps the one that failed.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return Resolve(endpoint?.Metadata.GetMetadata<ApiDialectAttribute>(), context.Request.Path);
    }

    /// <summary>
    /// The dialect of a route known without a request (the OpenAPI document): the same rule as at
    /// run time, so the document cannot describe a different envelope from the one sent.
    /// </summary>
    public ApiDialect Resolve(IEnumerable<object> endpointMetadata, PathString path) =>
        Resolve(endpointMetadata.OfType<ApiDialectAttribute>().LastOrDefault(), path);

    private ApiDialect Resolve(ApiDialectAttribute? declared, PathString path)
    {
        if (declared is not null)
        {
            return declared.Dialect;
        }

        ApiDialect? best = null;
        var bestLength = -1;
        foreach (var (route, exact, dialect) in options.Value.Routes)
        {
            var matches = exact
                ? path.Equals(route, StringComparison.OrdinalIgnoreCase) || path.Equals(route.Add("/"), StringComparison.OrdinalIgnoreCase)
                : path.StartsWithSegments(route, StringComparison.OrdinalIgnoreCase);
            var length = route.Value!.Length + (exact ? 1 : 0);
            if (matches && length > bestLength)
            {
                best = dialect;
                bestLength = length;
            }
        }

        return best ?? ApiDialect.ProblemDetails;
    }
}
