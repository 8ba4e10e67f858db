using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Mafia.Social;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Mafia.Social;

/// <summary><see cref="ILinguisticScores"/> as one grouped query over the player's received ratings (index on rated player, language).</summary>
internal sealed class EfLinguisticScores(ApplicationDbContext db) : ILinguisticScores
{
    public async Task<IReadOnlyDictionary<string, double>> AveragesOfAsync(long userId, CancellationToken cancellationToken)
    {
        var averages = await db.Set<LinguisticRating>().AsNoTracking()
            .Where(r => r.RatedUserId == userId)
            .GroupBy(r => r.Language)
            .Select(g => new { Language = g.Key, Average = g.Average(r => (double)r.Score) })
            .ToListAsync(cancellationToken);
        return averages.OrderBy(a => a.Language, StringComparer.Ordinal).ToDictionary(a => a.Language, a => Math.Round(a.Average, 2));
    }
}
