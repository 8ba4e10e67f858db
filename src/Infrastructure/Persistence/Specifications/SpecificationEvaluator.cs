using System.Collections.Concurrent;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Persistence.Specifications;

/// <summary>
/// Turns an Ardalis specification into an EF Core query: filters, includes, ordering, paging,
/// tracking and projection, in the order EF needs them. Ardalis's own EF package is not served by
/// the registry, so this is ours, written over its types. Works on any <see cref="IQueryable{T}"/>
/// (EF's include operators are no-ops on other providers), which is how its unit tests run. A
/// feature of the specification it does not evaluate (search, post-processing, SelectMany) is
/// refused rather than silently ignored.
/// </summary>
internal static class SpecificationEvaluator
{
    private static readonly MethodInfo IncludeMethod = typeof(EntityFrameworkQueryableExtensions)
        .GetTypeInfo().GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.Include))
        .Single(m => m.GetParameters().Length == 2 && m.GetParameters()[1].ParameterType != typeof(string));

    private static readonly MethodInfo ThenIncludeAfterReferenceMethod = typeof(EntityFrameworkQueryableExtensions)
        .GetTypeInfo().GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.ThenInclude))
        .Single(m => !IsEnumerableOf(m.GetParameters()[0].ParameterType.GenericTypeArguments[1]));

    private static readonly MethodInfo ThenIncludeAfterCollectionMethod = typeof(EntityFrameworkQueryableExtensions)
        .GetTypeInfo().GetDeclaredMethods(nameof(EntityFrameworkQueryableExtensions.ThenInclude))
        .Single(m => IsEnumerableOf(m.GetParameters()[0].ParameterType.GenericTypeArguments[1]));

    private static readonly ConcurrentDictionary<(Type Entity, Type? Previous, Type Property, bool AfterCollection), MethodInfo> ClosedMethods = new();

    public static IQueryable<T> GetQuery<T>(IQueryable<T> source, ISpecification<T> specification, bool criteriaOnly = false)
        where T : class
    {
        EnsureSupported(specification);
        var query = source;
        foreach (var where in specification.WhereExpressions)
        {
            query = query.Where(where.Filter);
        }

        if (criteriaOnly)
        {
            return specification.IgnoreQueryFilters ? query.IgnoreQueryFilters() : query;
        }

        query = ApplyIncludes(query, specification);

        if (specification.IgnoreQueryFilters)
        {
            query = query.IgnoreQueryFilters();
        }

        if (specification.IgnoreAutoIncludes)
        {
            query = query.IgnoreAutoIncludes();
        }

        query = ApplyOrdering(query, specification);

        if (specification.Skip > 0)
        {
            query = query.Skip(specification.Skip);
        }

        if (specification.Take >= 0)
        {
            query = query.Take(specification.Take);
        }

        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }
        else if (specification.AsNoTrackingWithIdentityResolution)
        {
            query = query.AsNoTrackingWithIdentityResolution();
        }
        else if (specification.AsTracking)
        {
            query = query.AsTracking();
        }

        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        foreach (var tag in specification.QueryTags)
        {
            query = query.TagWith(tag);
        }

        return query;
    }

    public static IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class
    {
        if (specification.SelectorMany is not null || specification.PostProcessingAction is not null)
        {
            throw new NotSupportedException($"{specification.GetType().Name}: SelectMany and post-processing are not evaluated in the database.");
        }

        var selector = specification.Selector
                       ?? throw new InvalidOperationException($"{specification.GetType().Name} has no Select(...) projection.");
        return GetQuery(source, (ISpecification<T>)specification).Select(selector);
    }

    private static void EnsureSupported<T>(ISpecification<T> specification)
    {
        if (specification.SearchCriterias.Any() || specification.PostProcessingAction is not null)
        {
            throw new NotSupportedException($"{specification.GetType().Name}: search criteria and post-processing are not evaluated in the database.");
        }
    }

    private static IQueryable<T> ApplyIncludes<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var path in specification.IncludeStrings)
        {
            query = query.Include(path);
        }

        foreach (var include in specification.IncludeExpressions)
        {
            query = include.Type switch
            {
                IncludeTypeEnum.Include => (IQueryable<T>)ClosedMethods
                    .GetOrAdd((typeof(T), null, include.LambdaExpression.ReturnType, false), key => IncludeMethod.MakeGenericMethod(key.Entity, key.Property))
                    .Invoke(null, [query, include.LambdaExpression])!,
                IncludeTypeEnum.ThenInclude => ThenInclude(query, include),
                _ => throw new InvalidOperationException($"Unknown include type {include.Type}."),
            };
        }

        return query;
    }

    private static IQueryable<T> ThenInclude<T>(IQueryable<T> query, IncludeExpressionInfo include)
        where T : class
    {
        var previous = include.PreviousPropertyType!;
        var elementType = EnumerableElementType(previous);
        var method = ClosedMethods.GetOrAdd((typeof(T), previous, include.LambdaExpression.ReturnType, elementType is not null), key =>
            key.AfterCollection
                ? ThenIncludeAfterCollectionMethod.MakeGenericMethod(key.Entity, EnumerableElementType(key.Previous!)!, key.Property)
                : ThenIncludeAfterReferenceMethod.MakeGenericMethod(key.Entity, key.Previous!, key.Property));

        // EF's include operators return the source unchanged on a non-EF provider, so the chain may
        // not be an IIncludableQueryable there; nothing to add in that case.
        var expected = method.GetParameters()[0].ParameterType;
        if (!expected.IsInstanceOfType(query))
        {
            return query;
        }

        return (IQueryable<T>)method.Invoke(null, [query, include.LambdaExpression])!;
    }

    private static IQueryable<T> ApplyOrdering<T>(IQueryable<T> query, ISpecification<T> specification)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var order in specification.OrderExpressions)
        {
            var key = order.KeySelector;
            ordered = order.OrderType switch
            {
                OrderTypeEnum.OrderBy => query.OrderBy(key),
                OrderTypeEnum.OrderByDescending => query.OrderByDescending(key),
                OrderTypeEnum.ThenBy => (ordered ?? throw ThenWithoutOrder()).ThenBy(key),
                OrderTypeEnum.ThenByDescending => (ordered ?? throw ThenWithoutOrder()).ThenByDescending(key),
                _ => throw new InvalidOperationException($"Unknown order type {order.OrderType}."),
            };
            query = ordered;
        }

        return query;
    }

    private static InvalidOperationException ThenWithoutOrder() => new("ThenBy needs an OrderBy before it.");

    private static bool IsEnumerableOf(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>);

    private static Type? EnumerableElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (IsEnumerableOf(type))
        {
            return type.GenericTypeArguments[0];
        }

        return type.GetInterfaces().FirstOrDefault(IsEnumerableOf)?.GenericTypeArguments[0];
    }
}
