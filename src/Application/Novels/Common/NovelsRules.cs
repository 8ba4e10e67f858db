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
