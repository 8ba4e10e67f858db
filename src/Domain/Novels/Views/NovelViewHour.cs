using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Views;

/// <summary>
/// The counted views of one novel in one clock hour (UTC). <c>views_daily</c> is the sum of a
/// novel's last 24 of these; older ones are deleted once they leave that window.
/// </summary>
public sealed class NovelViewHour : AggregateRoot<Guid>
{
    private NovelViewHour()
    {
    }

    public Guid NovelId { get; private set; }

    public DateTimeOffset HourStart { get; private set; }

    public long Views { get; private set; }

    public static NovelViewHour Open(Guid novelId, DateTimeOffset hourStart, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), NovelId = novelId, HourStart = StartOf(hourStart) };

    /// <summary>The start of the clock hour <paramref name="moment"/> falls in.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset moment)
    {
        var utc = moment.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    public void Add(long views)
    {
        if (views < 0)
        {
            throw new DomainException(ViewErrors.NegativeViews);
        }

        Views += views;
        MarkChanged();
    }
}
