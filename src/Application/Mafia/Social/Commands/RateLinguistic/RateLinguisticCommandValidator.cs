using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Mafia.Social;
using FluentValidation;

namespace CleanGames.Application.Mafia.Social.Commands.RateLinguistic;

public sealed class RateLinguisticCommandValidator : AbstractValidator<RateLinguisticCommand>
{
    public RateLinguisticCommandValidator()
    {
        RuleFor(c => c.RatedUser).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Language).Must(Iso639Languages.IsCode).WithMessage("language must be a lower-case ISO 639-1 code (en, ru, ...)");
        RuleFor(c => c.Score).InclusiveBetween(LinguisticRating.MinScore, LinguisticRating.MaxScore);
        RuleFor(c => c.GameId).NotEmpty().MaximumLength(64);
    }
}
