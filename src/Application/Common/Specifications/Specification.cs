using System.Linq.Expressions;

namespace CleanGames.Application.Common.Specifications;

/// <summary>Base class of a specification; build it in the constructor through <see cref="Query"/>.</summary>
public abstract class Specification<T> : ISpecification<T>
{
    private readonly List<Expression<Func<T, bool>>> _where = [];
    private readonly List<IncludeExpressionInfo> _includes = [];
    private readonly List<string> _includeStrings = [];
    private readonly List<OrderExpressionInfo<T>> _orders = [];

    protected Specification()
    {
        Query = new SpecificationBuilder<T>(this);
    }

    public IReadOnlyList<Expression<Func<T, bool>>> WhereExpressions => _where;

    public IReadOnlyList<IncludeExpressionInfo> IncludeExpressions => _includes;

    public IReadOnlyList<string> IncludeStrings => _includeStrings;

    public IReadOnlyList<OrderExpressionInfo<T>> OrderExpressions => _orders;

    public int? Skip { get; internal set; }

    public int? Take { get; internal set; }

    public bool AsNoTracking { get; internal set; }

    public bool AsSplitQuery { get; internal set; }

    public bool IgnoreQueryFilters { get; internal set; }

    protected ISpecificationBuilder<T> Query { get; }

    internal void AddWhere(Expression<Func<T, bool>> predicate) => _where.Add(predicate);

    internal void AddInclude(IncludeExpressionInfo include) => _includes.Add(include);

    internal void AddInclude(string path) => _includeStrings.Add(path);

    internal void AddOrder(OrderExpressionInfo<T> order) => _orders.Add(order);
}

/// <summary>Base class of a projecting specification; set the projection with <c>Query.Select(...)</c>.</summary>
public abstract class Specification<T, TResult> : Specification<T>, ISpecification<T, TResult>
{
    protected Specification()
    {
        Query = new SpecificationBuilder<T, TResult>(this);
    }

    public Expression<Func<T, TResult>>? Selector { get; internal set; }

    protected new ISpecificationBuilder<T, TResult> Query { get; }
}
