using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary>A request filtered by seed 003's calendar days.</summary>
public interface IDayRangeRequest
{
    DateOnly? StartDate { get; }

    DateOnly? EndDate { get; }
}

/// <summary>
/// Seed 003's date filters: calendar days (UTC unless a time zone is named). A range covers its whole
/// last day; it may span at most <see cref="MaxDays"/> days and may not end before it starts.
/// </summary>
public static class DayRange
{
    public const int MaxDays = 366;

    /// <summary>The earliest and latest days a range may name (room for a comparison a year earlier and any zone).</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(9998, 12, 31);

    /// <summary>The first instant of <paramref name="from"/> and the first instant after <paramref name="to"/>, in UTC.</summary>
    public static (DateTimeOffset? Start, DateTimeOffset? EndBefore) Of(DateOnly? from, DateOnly? to) =>
        (from is { } f ? DashboardTimeZones.StartOfDay(f, TimeZoneInfo.Utc) : null,
         to is { } t ? DashboardTimeZones.StartOfDay(t.AddDays(1), TimeZoneInfo.Utc) : null);

    /// <summary>The days from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public static DateOnly[] Days(DateOnly start, DateOnly end) =>
        [.. Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(start.AddDays)];

    /// <summary>
    /// Where each of the days from <paramref name="start"/> to <paramref name="end"/> begins in
    /// <paramref name="zone"/>, and where the day after the last begins: one more boundary than days.
    /// </summary>
    public static DateTimeOffset[] Boundaries(DateOnly start, DateOnly end, TimeZoneInfo zone) =>
        [.. Enumerable.Range(0, end.DayNumber - start.DayNumber + 2).Select(i => DashboardTimeZones.StartOfDay(start.AddDays(i), zone))];
}

/// <summary>The range rules of every request with <c>start_date</c> and <c>end_date</c>.</summary>
public sealed class DayRangeValidator : AbstractValidator<IDayRangeRequest>
{
    public DayRangeValidator()
    {
        RuleFor(q => q.StartDate).InclusiveBetween(DayRange.Earliest, DayRange.Latest).When(q => q.StartDate is not null)
            .WithMessage("start_date must be between 1900-01-01 and 9998-12-31.");
        RuleFor(q => q.EndDate).InclusiveBetween(DayRange.Earliest, DayRange.Latest).When(q => q.EndDate is not null)
            .WithMessage("end_date must be between 1900-01-01 and 9998-12-31.");
        RuleFor(q => q.EndDate).GreaterThanOrEqualTo(q => q.StartDate)
            .When(q => q.StartDate is not null && q.EndDate is not null)
            .WithMessage("end_date must not be before start_date.");
        RuleFor(q => q.EndDate).Must((q, end) => end!.Value.DayNumber - q.StartDate!.Value.DayNumber < DayRange.MaxDays)
            .When(q => q.StartDate is not null && q.EndDate is not null && q.EndDate >= q.StartDate)
            .WithMessage($"A date range spans at most {DayRange.MaxDays} days.");
    }
}
