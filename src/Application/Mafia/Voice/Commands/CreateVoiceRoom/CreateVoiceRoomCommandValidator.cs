using FluentValidation;

namespace CleanGames.Application.Mafia.Voice.Commands.CreateVoiceRoom;

/// <summary>
/// <c>game_id</c> is a required query parameter (FastAPI answers its absence with 422); a value that
/// names no game, malformed included, is 404 like every Mafia id.
/// </summary>
public sealed class CreateVoiceRoomCommandValidator : AbstractValidator<CreateVoiceRoomCommand>
{
    public CreateVoiceRoomCommandValidator()
    {
        RuleFor(c => c.GameId).NotNull().WithMessage("Field required");
    }
}
