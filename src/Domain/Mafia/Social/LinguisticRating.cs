using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Social;

/// <summary>
/// One player's 1–5 score of another's command of a language (ISO 639-1), given after a game both
/// played: once per rater, rated player, language and game.
/// </summary>
public sealed class LinguisticRating : AggregateRoot<Guid>
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    private LinguisticRating()
    {
        Language = string.Empty;
    }

    public long RaterId { get; private set; }

    public long RatedUserId { get; private set; }

    /// <summary>Lower-case ISO 639-1 code.</summary>
    public string Language { get; private set; }

    public int Score { get; private set; }

    public Guid GameId { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    public static LinguisticRating Give(SharedTable table, long raterId, long ratedUserId, string language, int score, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentOutOfRangeException.ThrowIfLessThan(score, MinScore);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, MaxScore);
        if (raterId == ratedUserId)
        {
            throw new DomainException(SocialErrors.RateSelf);
        }

        table.EnsureCoPlayers(raterId, ratedUserId);
        if (!table.HasEnded)
        {
            throw new DomainException(SocialErrors.GameNotEnded);
        }

        return new LinguisticRating
        {
            Id = Guid.CreateVersion7(now),
            RaterId = raterId,
            RatedUserId = ratedUserId,
            Language = language.ToLowerInvariant(),
            Score = score,
            GameId = table.GameId,
            RatedAt = now,
        };
    }
}
