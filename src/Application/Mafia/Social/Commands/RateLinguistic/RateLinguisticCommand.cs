using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Social;
using MediatR;

namespace CleanGames.Application.Mafia.Social.Commands.RateLinguistic;

/// <summary>
/// Seed 000 <c>POST /api/social/linguistic/rate {rated_user, language, score, game_id}</c>: a player of an
/// ended game scores a co-player's command of a language (ISO 639-1), 1–5, once per pair, language and
/// game. Answers the rating.
/// </summary>
[AuthorizeRequest]
public sealed record RateLinguisticCommand(string? RatedUser, string? Language, int Score, string? GameId) : IRequest<LinguisticRatingView>;

public sealed class RateLinguisticCommandHandler(
    IRepository<LinguisticRating> ratings,
    IReadRepository<Game> games,
    IAccountDirectory accounts,
    ICurrentUser user,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<RateLinguisticCommand, LinguisticRatingView>
{
    public async Task<LinguisticRatingView> Handle(RateLinguisticCommand request, CancellationToken cancellationToken)
    {
        var (caller, rated, table) = await SocialTables.ResolveAsync(user, accounts, games, request.RatedUser, request.GameId, cancellationToken);
        var rating = LinguisticRating.Give(table, caller, rated, request.Language!, request.Score, clock.UtcNow);
        if (await ratings.AnyAsync(new RatingOfSpec(table.GameId, caller, rated, rating.Language), cancellationToken))
        {
            throw new DomainException(SocialErrors.AlreadyRated);
        }

        await ratings.AddAsync(rating, cancellationToken);
        await SocialTables.SaveOnceAsync(unitOfWork, SocialErrors.AlreadyRated, cancellationToken);

        return SocialViews.For(rating);
    }
}
