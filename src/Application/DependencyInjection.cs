using CleanGames.Application.BotAnalytics;
using System.Reflection;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Gateway;
using CleanGames.Application.Identity;
using CleanGames.Application.Kitchen;
using CleanGames.Application.Mafia;
using CleanGames.Application.Novels;
using CleanGames.Application.Operations;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleanGames.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers each module's shared services (<c>Add&lt;Module&gt;()</c>, one line per module),
    /// MediatR 5.1.0 (which has no <c>AddMediatR</c>), the handlers, validators, request authorizers
    /// and AutoMapper profiles of this assembly and of <paramref name="additionalAssemblies"/>,
    /// and the pipeline behaviours in their order (AutoMapper's licence key comes from
    /// <c>AutoMapper:LicenseKey</c> through the composition root): logging → unhandled-exception logging →
    /// authorization → validation → per-aggregate lock → concurrency retry → handler.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, string? autoMapperLicenseKey = null, params Assembly[] additionalAssemblies)
    {
        var assemblies = new[] { typeof(DependencyInjection).Assembly }.Concat(additionalAssemblies).Distinct().ToArray();

        services.TryAddTransient<ServiceFactory>(sp => sp.GetService!);
        services.TryAddTransient<IMediator, Mediator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(ApplicationClock.Key, (_, _) => TimeProvider.System);
        services.TryAddSingleton<IClock, SystemClock>();
        services.TryAddScoped<IDomainEventDispatcher, MediatorDomainEventDispatcher>();
        services.TryAddScoped<CallerRoles>();
        services.TryAddScoped<Common.Idempotency.IdempotencyReservation>();
        // Bound to configuration by the composition root (handlers never read configuration).
        services.AddOptions<PipelineOptions>();
        services.TryAddSingleton<IServerRun, ServerRun>();
        services.TryAddSingleton<AggregateLocks>();

        // Each module registers what its use cases share; handlers, validators and profiles come from the scan below.
        services.AddIdentity();
        services.AddGateway();
        services.AddKitchen();
        services.AddMafia();
        services.AddBotAnalytics();
        services.AddNovels();
        services.AddOperations();

        services.AddMediatorHandlers(assemblies);
        services.AddValidatorsFromAssemblies(assemblies, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddAutoMapper(mapper =>
        {
            if (!string.IsNullOrWhiteSpace(autoMapperLicenseKey))
            {
                mapper.LicenseKey = autoMapperLicenseKey;
            }
        }, assemblies);

        // Registration order is pipeline order: the first behaviour registered is the outermost.
        // The outer two hold no per-request state: one instance per request type serves every request.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RateLimitBehaviour<,>));
        // Stateless (its locks live in the AggregateLocks singleton): no allocation per request on hot paths.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AggregateLockBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ConcurrencyRetryBehaviour<,>));
        return services;
    }

    /// <summary>Registers every request handler, notification handler and request authorizer found in the assemblies.</summary>
    public static IServiceCollection AddMediatorHandlers(this IServiceCollection services, params Assembly[] assemblies)
    {
        Type[] openInterfaces = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IRequestAuthorizer<>)];
        foreach (var type in assemblies.SelectMany(a => a.DefinedTypes))
        {
            if (type.IsAbstract || type.IsInterface || type.IsGenericTypeDefinition)
            {
                continue;
            }

            foreach (var implemented in type.ImplementedInterfaces)
            {
                if (implemented.IsGenericType && openInterfaces.Contains(implemented.GetGenericTypeDefinition()))
                {
                    services.TryAddEnumerable(ServiceDescriptor.Transient(implemented, type));
                }
            }
        }

        return services;
    }
}
