using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace CleanGames.WebApi.Common.OpenApi;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// <c>Api:PublishReference</c>: whether <c>/openapi/v1.json</c> and <c>/scalar</c> are served, in
    /// every environment. A deployment that does not want its API described to the world turns it
    /// off, and the routes are not mapped at all (404).
    /// </summary>
    public bool PublishReference { get; set; } = true;
}

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and the browsable reference (<c>/scalar</c>).</summary>
public static class ApiReference
{
    internal static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddOpenApi(openApi => openApi.AddOperationTransformer<DialectResponsesTransformer>());
        return services;
    }

    /// <summary>Maps the document and the reference unless <c>Api:PublishReference</c> is false; says whether it did.</summary>
    internal static bool MapApiReference(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.PublishReference)
        {
            return false;
        }

        app.MapOpenApi();
        app.MapScalarApiReference();
        return true;
    }
}
