using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CleanGames.WebApi.Common.Dialects;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Common.Http;

public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in, registration and refresh attempts allowed per client address per minute.</summary>
    public int AuthenticationPermitsPerMinute { get; set; } = 30;
}

public sealed class NetworkOptions
{
    public const string Section = "Network";

    /// <summary>
    /// Proxies whose <c>X-Forwarded-For</c> is believed (exact addresses). Empty by default: the
    /// connection's own address is the client, so no one can claim another address by a header.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}

public static class RateLimitPolicies
{
    public const string Authentication = "authentication";

    internal static IServiceCollection AddRateLimitPolicies(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section);
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Authentication, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.AuthenticationPermitsPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await context.HttpContext.RequestServices.GetRequiredService<ApiErrorResponder>().WriteAsync(
                    context.HttpContext,
                    ApiError.From(TransportErrors.RateLimited) with { RetryAfter = retryAfter });
            };
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<NetworkOptions>>((forwarded, networkOptions) =>
        {
            var network = networkOptions.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var proxy in network.TrustedProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Network:TrustedProxies holds '{proxy}', which is not an IP address."));
                }
            }
        });
        return services;
    }
}
