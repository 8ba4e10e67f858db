using System.Linq.Expressions;

namespace CleanGames.Application.Common.Specifications;

public interface ISpecificationBuilder<T>
{
    Specification<T> Specification { get; }
}

public interface ISpecificationBuilder<T, TResult> : ISpecificationBuilder<T>
{
    new Specification<T, TResult> Specification { get; }
}

public interface IOrderedSpecificationBuilder<T> : ISpecificationBuilder<T>;

public interface IIncludableSpecificationBuilder<T, out TProperty> : ISpecificationBuilder<T>
    where T : class;

internal sealed class SpecificationBuilder<T>(Specification<T> specification) : ISpecificationBuilder<T>
{
    public Specification<T> Specification { get; } = specification;
}

internal sealed class SpecificationBuilder<T, TResult>(Specification<T, TResult> specification) : ISpecificationBuilder<T, TResult>
{
    public Specification<T, TResult> Specification { get; } = specification;

    Specification<T> ISpecificationBuilder<T>.Specification => Specification;
}

internal sealed class OrderedSpecificationBuilder<T>(Specification<T> specification) : IOrderedSpecificationBuilder<T>
{
    public Specification<T> Specification { get; } = specification;
}

internal sealed class IncludableSpecificationBuilder<T, TProperty>(Specification<T> specification) : IIncludableSpecificationBuilder<T, TProperty>
    where T : class
{
    public Specification<T> Specification { get; } = specification;
}

/// <summary>The fluent <c>Query.Where(...).Include(...).OrderBy(...).Skip(...).Take(...)</c> surface.</summary>
public static class SpecificationBuilderExtensions
{
    public static ISpecificationBuilder<T> Where<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, bool>> predicate)
    {
        builder.Specification.AddWhere(predicate);
        return builder;
    }

    public static IOrderedSpecificationBuilder<T> OrderBy<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderType.OrderBy);

    public static IOrderedSpecificationBuilder<T> OrderByDescending<T>(this ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderType.OrderByDescending);

    public static IOrderedSpecificationBuilder<T> ThenBy<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderType.ThenBy);

    public static IOrderedSpecificationBuilder<T> ThenByDescending<T>(this IOrderedSpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector) =>
        AddOrder(builder, keySelector, OrderType.ThenByDescending);

    public static IIncludableSpecificationBuilder<T, TProperty> Include<T, TProperty>(
        this ISpecificationBuilder<T> builder, Expression<Func<T, TProperty>> navigation)
        where T : class
    {
        builder.Specification.AddInclude(new IncludeExpressionInfo(navigation, typeof(T), typeof(TProperty), null, IncludeType.Include));
        return new IncludableSpecificationBuilder<T, TProperty>(builder.Specification);
    }

    public static ISpecificationBuilder<T> Include<T>(this ISpecificationBuilder<T> builder, string navigationPath)
        where T : class
    {
        builder.Specification.AddInclude(navigationPath);
        return builder;
    }

    public static IIncludableSpecificationBuilder<T, TProperty> ThenInclude<T, TPreviousProperty, TProperty>(
        this IIncludableSpecificationBuilder<T, TPreviousProperty> builder, Expression<Func<TPreviousProperty, TProperty>> navigation)
        where T : class
    {
        builder.Specification.AddInclude(new IncludeExpressionInfo(navigation, typeof(T), typeof(TProperty), typeof(TPreviousProperty), IncludeType.ThenInclude));
        return new IncludableSpecificationBuilder<T, TProperty>(builder.Specification);
    }

    public static IIncludableSpecificationBuilder<T, TProperty> ThenInclude<T, TPreviousProperty, TProperty>(
        this IIncludableSpecificationBuilder<T, IEnumerable<TPreviousProperty>> builder, Expression<Func<TPreviousProperty, TProperty>> navigation)
        where T : class
    {
        builder.Specification.AddInclude(new IncludeExpressionInfo(navigation, typeof(T), typeof(TProperty), typeof(IEnumerable<TPreviousProperty>), IncludeType.ThenInclude));
        return new IncludableSpecificationBuilder<T, TProperty>(builder.Specification);
    }

    public static ISpecificationBuilder<T> Skip<T>(this ISpecificationBuilder<T> builder, int skip)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        builder.Specification.Skip = skip;
        return builder;
    }

    public static ISpecificationBuilder<T> Take<T>(this ISpecificationBuilder<T> builder, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        builder.Specification.Take = take;
        return builder;
    }

    public static ISpecificationBuilder<T> AsNoTracking<T>(this ISpecificationBuilder<T> builder)
    {
        builder.Specification.AsNoTracking = true;
        return builder;
    }

    public static ISpecificationBuilder<T> AsSplitQuery<T>(this ISpecificationBuilder<T> builder)
    {
        builder.Specification.AsSplitQuery = true;
        return builder;
    }

    public static ISpecificationBuilder<T> IgnoreQueryFilters<T>(this ISpecificationBuilder<T> builder)
    {
        builder.Specification.IgnoreQueryFilters = true;
        return builder;
    }

    public static ISpecificationBuilder<T, TResult> Select<T, TResult>(this ISpecificationBuilder<T, TResult> builder, Expression<Func<T, TResult>> selector)
    {
        builder.Specification.Selector = selector;
        return builder;
    }

    private static OrderedSpecificationBuilder<T> AddOrder<T>(ISpecificationBuilder<T> builder, Expression<Func<T, object?>> keySelector, OrderType type)
    {
        builder.Specification.AddOrder(new OrderExpressionInfo<T>(keySelector, type));
        return new OrderedSpecificationBuilder<T>(builder.Specification);
    }
}
