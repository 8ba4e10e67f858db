using System.Reflection;
using CleanGames.Domain.Common;
using MediatR;

namespace CleanGames.IntegrationTests.Architecture;

/// <summary>
/// Modules plug in alone: a module's code (in any layer, its namespaces
/// <c>CleanGames.&lt;Layer&gt;.&lt;Module&gt;…</c> and its EF configurations
/// <c>CleanGames.Infrastructure.Persistence.Configurations.&lt;Module&gt;</c>) uses another module only
/// through what that module publishes for others:
/// <list type="bullet">
/// <item>its <c>Contracts</c> namespaces (<c>CleanGames.&lt;Layer&gt;.&lt;Module&gt;.Contracts</c>): read ports such as
/// Identity's <c>IAccountDirectory</c>, and helpers such as <c>AccountReferences</c> for a foreign key to an account;</item>
/// <item>its MediatR requests and the types their signatures carry (results, inputs), aggregates excepted:
/// modules send each other requests (CONVENTIONS §1), as the seeds' sign-in routes do with Identity's;</item>
/// <item>its domain events, which other modules may handle.</item>
/// </list>
/// Everything else (aggregates, specifications, handlers, ports, adapters, tables) is the module's own.
/// Platform code (<c>Common</c>, <c>Persistence</c>, <c>Scheduling</c>, …) belongs to no module.
/// </summary>
public sealed class ModuleTests
{
    /// <summary>Folders directly under a layer that hold platform code rather than a module.</summary>
    private static readonly string[] PlatformFolders = ["Common", "Persistence", "Scheduling", "Authentication", "Health", "RateLimiting"];

    private static readonly Assembly[] Product =
    [
        typeof(IDomainEvent).Assembly,
        typeof(CleanGames.Application.DependencyInjection).Assembly,
        typeof(CleanGames.Infrastructure.DependencyInjection).Assembly,
        typeof(Program).Assembly,
    ];

    private static readonly Lazy<HashSet<Type>> RequestSurface = new(PublishedRequestSurface);

    [Fact]
    public void A_module_uses_another_module_only_through_what_it_publishes()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Product.SelectMany(a => a.GetTypes()))
        {
            var module = ModuleOf(type);
            if (module is null)
            {
                continue;
            }

            foreach (var used in TypeReferences.Of(type))
            {
                var owner = ModuleOf(used);
                if (owner is not null && owner != module && !IsPublished(used, owner))
                {
                    violations.Add($"{module} → {owner}: {TopLevel(type).FullName} uses {Display(used)}");
                }
            }
        }

        Assert.True(violations.Count == 0, "Cross-module references outside what a module publishes:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_check_sees_references_inside_method_bodies_and_queries()
    {
        // The directory's queries name Account and AccountStatus only inside async state machines and expression trees.
        var directory = Product[2].GetType("CleanGames.Infrastructure.Identity.AccountDirectory", throwOnError: true)!;
        var used = WithNested(directory).SelectMany(TypeReferences.Of).ToHashSet();
        Assert.Contains(typeof(CleanGames.Domain.Identity.Accounts.Account), used);
        Assert.Contains(typeof(CleanGames.Domain.Identity.Accounts.AccountStatus), used);
        Assert.Equal("Identity", ModuleOf(directory));
        Assert.Equal("Kitchen", ModuleOf(Product[2].GetType("CleanGames.Infrastructure.Persistence.Configurations.Kitchen.KitchenSessionConfiguration", throwOnError: true)!));
        Assert.Null(ModuleOf(typeof(CleanGames.Application.Common.Models.PageRequest)));
        Assert.Null(ModuleOf(typeof(CleanGames.Application.DependencyInjection)));
        var modules = Product.SelectMany(a => a.GetTypes()).Select(ModuleOf).OfType<string>().ToHashSet();
        Assert.Equal(["BotAnalytics", "Gateway", "Identity", "Kitchen", "Mafia", "Novels", "Operations"], modules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sign_in_requests_are_published_and_aggregates_never_are()
    {
        Assert.Contains(typeof(CleanGames.Application.Identity.Commands.RegisterAccount.RegisterAccountCommand), RequestSurface.Value);
        Assert.Contains(typeof(CleanGames.Application.Identity.Common.AccountSummary), RequestSurface.Value);
        Assert.DoesNotContain(typeof(CleanGames.Domain.Identity.Accounts.Account), RequestSurface.Value);
        Assert.False(IsPublished(typeof(CleanGames.Application.Identity.Common.IPasswordHasher), "Identity"));
    }

    /// <summary>
    /// The module a type belongs to: the namespace segment after the layer (after
    /// <c>Persistence.Configurations</c> for EF configurations), unless it names a platform folder;
    /// null for platform code. A new module's folder is found without changing this test.
    /// </summary>
    private static string? ModuleOf(Type type)
    {
        var segments = (TopLevel(type).Namespace ?? string.Empty).Split('.');
        if (segments.Length < 3 || segments[0] != "CleanGames")
        {
            return null;
        }

        var candidate = segments[2] == "Persistence"
            ? segments.Length > 4 && segments[3] == "Configurations" ? segments[4] : null
            : segments[2];
        return candidate is null || PlatformFolders.Contains(candidate) ? null : candidate;
    }

    private static bool IsPublished(Type type, string module)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var segments = (TopLevel(definition).Namespace ?? string.Empty).Split('.');
        var at = Array.IndexOf(segments, module);
        return (at >= 0 && at + 1 < segments.Length && segments[at + 1] == "Contracts")
               || RequestSurface.Value.Contains(definition)
               || typeof(IDomainEvent).IsAssignableFrom(definition);
    }

    /// <summary>Every request type and, transitively, the product types its public surface carries (no aggregates).</summary>
    private static HashSet<Type> PublishedRequestSurface()
    {
        var surface = new HashSet<Type>();
        var pending = new Queue<Type>(Product[1].GetTypes().Where(t => !t.IsAbstract && t.GetInterfaces().Any(IsRequestInterface)));
        while (pending.TryDequeue(out var type))
        {
            if (!surface.Add(type))
            {
                continue;
            }

            var carried = type.GetInterfaces().Where(IsRequestInterface).SelectMany(i => i.GetGenericArguments())
                .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType))
                .Concat(type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType));
            foreach (var next in carried.SelectMany(Unwrap))
            {
                if (next.Namespace?.StartsWith("CleanGames.", StringComparison.Ordinal) == true && !IsEntity(next))
                {
                    pending.Enqueue(next);
                }
            }
        }

        return surface;
    }

    private static bool IsRequestInterface(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IRequest<>);

    private static bool IsEntity(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Entity<>))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        if (!type.IsGenericType)
        {
            return type.IsGenericParameter ? [] : [type];
        }

        return type.GetGenericArguments().SelectMany(Unwrap).Prepend(type.GetGenericTypeDefinition());
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

    private static Type TopLevel(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string Display(Type type) => type.IsGenericType ? type.GetGenericTypeDefinition().FullName! : type.FullName ?? type.Name;
}
