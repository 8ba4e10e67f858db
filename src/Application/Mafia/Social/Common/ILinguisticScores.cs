namespace CleanGames.Application.Mafia.Social.Common;

/// <summary>The average linguistic score a player received per language, averaged in the database.</summary>
public interface ILinguisticScores
{
    Task<IReadOnlyDictionary<string, double>> AveragesOfAsync(long userId, CancellationToken cancellationToken);
}
