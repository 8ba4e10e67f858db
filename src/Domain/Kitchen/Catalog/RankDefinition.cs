namespace CleanGames.Domain.Kitchen.Catalog;

/// <summary>A rank and the xp a cook collects at it to reach the next one (null at the top rank).</summary>
public sealed class RankDefinition
{
    private RankDefinition()
    {
    }

    public RankDefinition(int rank, long? xpToNext)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rank);
        if (xpToNext is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(xpToNext), "The xp to the next rank must be positive.");
        }

        Rank = rank;
        XpToNext = xpToNext;
    }

    public int Rank { get; private set; }

    public long? XpToNext { get; private set; }

    public bool UpdateFrom(RankDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var changed = XpToNext != source.XpToNext;
        XpToNext = source.XpToNext;
        return changed;
    }
}
