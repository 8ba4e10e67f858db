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

/// <summary>One page of a larger list. Pages are numbered from 1.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount) : IPagedList
{
    System.Collections.IEnumerable IPagedList.Items => Items;

    public int TotalPages => PageSize <= 0 ? 0 : (int)((TotalCount + PageSize - 1) / PageSize);

    public bool HasNext => Page < TotalPages;

    public bool HasPrevious => Page > 1 && TotalCount > 0;

    public PagedList<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), Page, PageSize, TotalCount);
}

/// <summary>A page request, clamped to sane bounds so no caller can ask for the whole table.</summary>
public readonly record struct PageRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public PageRequest(int? page, int? pageSize, int maxPageSize = MaxPageSize)
    {
        Page = Math.Max(1, page ?? 1);
        PageSize = Math.Clamp(pageSize ?? DefaultPageSize, 1, maxPageSize);
    }

    public int Page { get; }

    public int PageSize { get; }

    /// <summary>Rows before this page; a page beyond any table skips everything rather than overflowing.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, ((long)Page - 1) * PageSize);
}
