using CleanGames.Application.Common.Models;
using CleanGames.Domain.Novels.Catalogue;
using FluentValidation;

namespace CleanGames.Application.Novels.Common;

/// <summary>The input rules seed 004 routes share: languages, enums, paging, sorting.</summary>
public static class NovelsRules
{
    /// <summary>Seed 004 pages: <c>limit</c> 1–100, default 20 (never clamped).</summary>
    public static readonly PageLimits Paging = new("Limit", PageRequest.DefaultPageSize, PageRequest.MaxPageSize);

    public static readonly IReadOnlyList<string> Orders = ["asc", "desc"];

    public static readonly IReadOnlyList<string> TranslationStatuses = ["ongoing", "completed", "paused", "dropped"];

    public static TranslationStatus StatusOf(string wire) => Enum.Parse<TranslationStatus>(wire, ignoreCase: true);

    public static IRuleBuilderOptions<T, string?> KnownLanguage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(NovelLanguages.IsKnown).WithMessage("lang must be one of ru, en, zh, ja, ko, fr, de.");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> values, string name) =>
        rule.Must(v => v is not null && values.Contains(v, StringComparer.Ordinal)).WithMessage($"{name} must be one of {string.Join(", ", values)}.");

    /// <summary>
    /// The clock's time to the millisecond: what both stores keep exactly, so a timestamp in a
    /// create's answer is the one every later read shows (and sorts by).
    /// </summary>
    public static DateTimeOffset NowForStorage(this Application.Common.Abstractions.IClock clock)
    {
        var now = clock.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), now.Offset);
    }

    /// <summary>Parses a wire id; anything that is not one names nothing (404, never 422).</summary>
    public static Guid? IdOf(string? id) => Guid.TryParse(id, out var parsed) ? parsed : null;
}

/// <summary>
/// Contract §1's paging, which differs from the platform's on one point: <c>page</c> is any int ≥ 1
/// (no result window), and a page past the end answers 200 with an empty list and the true totals.
/// So a Novels list counts first and reads only a page that has rows; such a page lies inside the
/// list, whose size the catalogue bounds.
/// </summary>
public readonly record struct NovelsPage(int Page, int Size)
{
    public static NovelsPage Of(IPagedRequest request) => new(request.Page ?? 1, request.PerPage ?? NovelsRules.Paging.DefaultSize);

    /// <summary>Rows before this page (a long: a deep page of a small list starts far past its end).</summary>
    public long Skip => (long)(Page - 1) * Size;

    /// <summary>Whether the page starts at or past the end of <paramref name="total"/> rows, so it is empty without reading.</summary>
    public bool StartsAfter(long total) => Skip >= total;

    /// <summary>The offset of a page that <see cref="StartsAfter"/> said has rows: inside the list, so it fits an int.</summary>
    public int ReadSkip => checked((int)Skip);

    public PagedList<T> Of<T>(IReadOnlyList<T> items, long total) => new(items, Page, Size, total);
}

/// <summary>Contract §1: <c>page</c> ≥ 1, <c>limit</c> 1–100, else 422 naming the parameter; no window (see <see cref="NovelsPage"/>).</summary>
public sealed class NovelsPageValidator : AbstractValidator<IPagedRequest>
{
    public NovelsPageValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null).WithMessage("page must be 1 or more.");
        RuleFor(q => q.PerPage).InclusiveBetween(1, NovelsRules.Paging.MaxSize).When(q => q.PerPage is not null)
            .OverridePropertyName("limit").WithMessage($"limit must be between 1 and {NovelsRules.Paging.MaxSize}.");
    }
}

