using CleanGames.Application.Operations.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Operations;

public static class OperationsModule
{
    /// <summary>What the operators' views share beyond the handler scan; the options are bound by the infrastructure.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddOptions<OperationsOptions>();
        return services;
    }
}
