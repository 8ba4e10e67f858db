using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Support;

internal static class TestServiceCollectionExtensions
{
    public static IServiceCollection AddValidatorsForTests(this IServiceCollection services) =>
        services.AddValidatorsFromAssembly(typeof(TestServiceCollectionExtensions).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
}

public static class ClockServiceCollectionExtensions
{
    /// <summary>
    /// Removes the application's clock (the keyed <see cref="TimeProvider"/>) so a test can put its
    /// own in; the unkeyed system clock, which Quartz schedules on, stays.
    /// </summary>
    public static IServiceCollection RemoveApplicationClock(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(TimeProvider) && d.IsKeyedService && Equals(d.ServiceKey, CleanGames.Application.Common.Abstractions.ApplicationClock.Key)).ToList())
        {
            services.Remove(descriptor);
        }

        return services;
    }
}
