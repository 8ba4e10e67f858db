using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Support;

internal static class TestServiceCollectionExtensions
{
    public static IServiceCollection AddValidatorsForTests(this IServiceCollection services) =>
        services.AddValidatorsFromAssembly(typeof(TestServiceCollectionExtensions).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
}
