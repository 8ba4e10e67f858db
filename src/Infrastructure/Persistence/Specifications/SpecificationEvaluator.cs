using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using CleanGames.Application.Common.Specifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CleanGames.Infrastructure.Persistence.Specifications;

/// <summary>
/// Turns a specification into an EF Core query: filters, includes, ordering, paging, tracking and
/// projection, in the order EF needs them. Works on any <see cref="IQueryable{T}"/> (EF's include
/// operators are no-ops on other providers), which is how its unit tests run.
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
        var query = source;
        foreach (var predicate in specification.WhereExpressions)
        {
            query = query.Where(predicate);
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

        query = ApplyOrdering(query, specification);

        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }

        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        return query;
    }

    public static IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class
    {
        var selector = specification.Selector
                       ?? throw new InvalidOperationException($"{specification.GetType().Name} has no Select(...) projection.");
        return GetQuery(source, (ISpecification<T>)specification).Select(selector);
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
                IncludeType.Include => (IQueryable<T>)ClosedMethods
                    .GetOrAdd((include.EntityType, null, include.PropertyType, false), key => IncludeMethod.MakeGenericMethod(key.Entity, key.Property))
                    .Invoke(null, [query, include.LambdaExpression])!,
                IncludeType.ThenInclude => ThenInclude(query, include),
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
        var method = ClosedMethods.GetOrAdd((include.EntityType, previous, include.PropertyType, elementType is not null), key =>
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
                OrderType.OrderBy => query.OrderBy(key),
                OrderType.OrderByDescending => query.OrderByDescending(key),
                OrderType.ThenBy => (ordered ?? throw ThenWithoutOrder()).ThenBy(key),
                OrderType.ThenByDescending => (ordered ?? throw ThenWithoutOrder()).ThenByDescending(key),
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
