using System.Linq.Expressions;

namespace CleanGames.Application.Common.Specifications;

/// <summary>
/// A named query over an aggregate. The public surface follows Ardalis.Specification, so moving to
/// that package later is a change of <c>using</c> lines; the evaluator lives in Infrastructure.
/// </summary>
public interface ISpecification<T>
{
    IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions { get; }

    IReadOnlyList<IncludeExpressionInfo> IncludeExpressions { get; }

    IReadOnlyList<string> IncludeStrings { get; }

    IReadOnlyList<OrderExpressionInfo<T>> OrderExpressions { get; }

    int? Skip { get; }

    int? Take { get; }

    bool AsNoTracking { get; }

    bool AsSplitQuery { get; }

    bool IgnoreQueryFilters { get; }
}

/// <summary>A specification that projects each match to <typeparamref name="TResult"/>.</summary>
public interface ISpecification<T, TResult> : ISpecification<T>
{
    Expression<Func<T, TResult>>? Selector { get; }
}

public enum OrderType
{
    OrderBy,
    OrderByDescending,
    ThenBy,
    ThenByDescending,
}

public sealed record OrderExpressionInfo<T>(Expression<Func<T, object?>> KeySelector, OrderType OrderType);

public enum IncludeType
{
    Include,
    ThenInclude,
}

/// <summary>
/// One step of an include chain. <see cref="PreviousPropertyType"/> is set for a ThenInclude: the
/// type the previous step navigated to (a collection type when it was a collection).
/// </summary>
public sealed record IncludeExpressionInfo(
    LambdaExpression LambdaExpression,
    Type EntityType,
    Type PropertyType,
    Type? PreviousPropertyType,
    IncludeType Type);
