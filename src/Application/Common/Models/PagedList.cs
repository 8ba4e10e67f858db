namespace CleanGames.Application.Common.Models;

/// <summary>A page seen without its item type, for transports that render paging metadata.</summary>
public interface IPagedList
{
    System.Collections.IEnumerable Items { get; }

    int Page { get; }

    int PageSize { get; }

    long TotalCount { get; }

    int TotalPages { get; }

    bool HasNext { get; }

    bool HasPrevious { get; }
}

/// <summary>
/// A page whose items travel inside a larger body (seed 004's <c>{"novels": [...], "filters": {...}}</c>):
/// transports render <see cref="Body"/> as the data and <see cref="Page"/>'s counts beside it.
/// </summary>
public interface IPagedBody
{
    object Body { get; }

    IPagedList Page { get; }
}

/// <inheritdoc cref="IPagedBody"/>
public sealed record PagedBody<TBody>(TBody Body, IPagedList Page) : IPagedBody
    where TBody : notnull
{
    object IPagedBody.Body => Body;
}

/// <summary>One page of a larger list. Pages are numbered from 1.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount) : IPagedList
{
    System.Collections.IEnumerable IPagedList.Items => Items;

    public int TotalPages => PageSize <= 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);

    public bool HasNext => Page < TotalPages;

    public bool HasPrevious => Page > 1 && TotalCount > 0;

    public PagedList<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Page, PageSize, TotalCount);
}

/// <summary>
/// A request that reads one page of a list. Every paged query implements it, and its validator
/// includes <see cref="PageRequestValidator"/>, so one rule bounds every paged route.
/// </summary>
public interface IPagedRequest
{
    /// <summary>The page, counted from 1; null for the first.</summary>
    int? Page { get; }

    /// <summary>Rows per page; null for <see cref="PageRequest.DefaultPageSize"/>.</summary>
    int? PerPage { get; }
}

/// <summary>
/// A page inside the result window: page ≥ 1, 1 ≤ size ≤ <see cref="MaxPageSize"/>, and the page
/// ends at row <see cref="MaxWindow"/> at the latest. <see cref="PageRequestValidator"/> refuses
/// anything else before a handler runs, so every offset here fits an <see cref="int"/> with room to
/// spare and no query ever reads further than <see cref="MaxWindow"/> rows into its ordering.
/// </summary>
/// <remarks>
/// Why a window: an offset is paid for by reading every row before it (and, without an index, by
/// sorting the whole table), so a deep page costs what the whole list costs. Search engines bound
/// their result windows for the same reason (10 000 rows in Elasticsearch and OpenSearch). Nobody
/// reads a leaderboard or an admin list 10 000 rows deep one page at a time; a client that wants
/// more narrows the list instead (an admin search).
/// </remarks>
public readonly record struct PageRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The deepest row any page may reach: page × page size ≤ this.</summary>
    public const int MaxWindow = 10_000;

    /// <exception cref="ArgumentOutOfRangeException">The page lies outside the window: the request skipped its validator.</exception>
    public PageRequest(int? page, int? pageSize)
        : this(page, pageSize, PageLimits.Default)
    {
    }

    /// <exception cref="ArgumentOutOfRangeException">The page lies outside the window or the limits: the request skipped its validator.</exception>
    public PageRequest(int? page, int? pageSize, PageLimits limits)
    {
        var number = page ?? 1;
        var size = pageSize ?? limits.DefaultSize;
        if (size < 1 || size > limits.MaxSize || limits.MaxSize > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), size, $"A page holds 1 to {limits.MaxSize} rows.");
        }

        if (number < 1 || number > LastPage(size))
        {
            throw new ArgumentOutOfRangeException(nameof(page), number, $"Pages of {size} rows run from 1 to {LastPage(size)}.");
        }

        Page = number;
        PageSize = size;
    }

    public int Page { get; }

    public int PageSize { get; }

    /// <summary>Rows before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Rows up to the end of this page (at most <see cref="MaxWindow"/>).</summary>
    public int End => Page * PageSize;

    /// <summary>The page of a paged request, which its validator has already held to the window.</summary>
    public static PageRequest Of(IPagedRequest request) => new(request.Page, request.PerPage);

    /// <summary>The page of a paged request validated with <paramref name="limits"/>.</summary>
    public static PageRequest Of(IPagedRequest request, PageLimits limits) => new(request.Page, request.PerPage, limits);

    /// <summary>The last page inside the window for pages of <paramref name="pageSize"/> rows.</summary>
    public static int LastPage(int pageSize) => MaxWindow / pageSize;

    /// <summary>Whether this page starts at or past the end of a list of <paramref name="total"/> rows, so it is empty without reading the list.</summary>
    public bool StartsAfter(long total) => Skip >= total;
}

/// <summary>
/// How large a route's pages may be and what its page-size parameter is called: <see cref="Default"/>
/// is <c>per_page</c>, 1–100, default 20; seed 003's lists use <see cref="Dashboard"/>, <c>limit</c>,
/// 1–1000, default 100. The window (<see cref="PageRequest.MaxWindow"/>) is the same for every route.
/// </summary>
/// <param name="SizeName">The member the size is reported under (<c>PerPage</c>, <c>Limit</c>), written in snake_case on the wire.</param>
public readonly record struct PageLimits(string SizeName, int DefaultSize, int MaxSize)
{
    public static readonly PageLimits Default = new("PerPage", PageRequest.DefaultPageSize, PageRequest.MaxPageSize);

    public static readonly PageLimits Dashboard = new("Limit", 100, 1000);
}
