using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Domain.Mafia.Matchmaking;
using FluentValidation;

namespace CleanGames.Application.Mafia.Matchmaking.Commands.JoinQueue;

public sealed class JoinQueueCommandValidator : AbstractValidator<JoinQueueCommand>
{
    public JoinQueueCommandValidator(IMatchmakingModes modes)
    {
        RuleFor(c => c.Mode).NotEmpty().Must(m => modes.Find(m) is not null)
            .WithMessage(c => $"Unknown mode '{c.Mode}'; the modes are {string.Join(", ", modes.All.Select(m => m.Name))}.");
        RuleFor(c => c.Languages).NotEmpty()
            .Must(l => l!.Count <= QueueEntry.MaxLanguages).WithMessage($"At most {QueueEntry.MaxLanguages} languages.");
        RuleForEach(c => c.Languages).Must(Iso639Languages.IsCode).WithMessage("'{PropertyValue}' is not a lower-case ISO 639-1 language code (en, ru, ja, ...).");
    }
}
