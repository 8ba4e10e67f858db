using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Games;

/// <summary>
/// A chat line in a game: living players by day and in voting; at night only mafia, heard only by
/// mafia; after the end, every player. Up to 500 characters.
/// </summary>
[AuthorizeRequest]
public sealed record SendChatCommand(string GameId, string? Message) : IRequest<MafiaSuccess>;

public sealed class SendChatCommandValidator : AbstractValidator<SendChatCommand>
{
    public SendChatCommandValidator() => RuleFor(c => c.Message).NotEmpty().MaximumLength(500);
}

public sealed class SendChatCommandHandler(GameAccess access, IRealtimeNotifier notifier, IClock clock) : IRequestHandler<SendChatCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(SendChatCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken, allowAdmin: false);
        await GameTalk.SayAsync(game, access.CallerId, "chat", new ChatPayload(MafiaIds.Of(access.CallerId), request.Message!, GameViews.Timestamp(clock.UtcNow)), notifier, cancellationToken);
        return new MafiaSuccess();
    }
}

/// <summary>
/// An emoji reaction: up to 16 characters of emoji only (no letters or digits), under the chat's
/// rules of who may send and who hears.
/// </summary>
[AuthorizeRequest]
public sealed record SendEmojiCommand(string GameId, string? Emoji) : IRequest<MafiaSuccess>;

public sealed class SendEmojiCommandValidator : AbstractValidator<SendEmojiCommand>
{
    public SendEmojiCommandValidator() =>
        RuleFor(c => c.Emoji).NotEmpty().MaximumLength(EmojiText.MaxLength)
            .Must(EmojiText.IsEmoji).When(c => !string.IsNullOrEmpty(c.Emoji), ApplyConditionTo.CurrentValidator).WithMessage("emoji must be emoji only, without letters or digits");
}

public sealed class SendEmojiCommandHandler(GameAccess access, IRealtimeNotifier notifier, IClock clock) : IRequestHandler<SendEmojiCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(SendEmojiCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken, allowAdmin: false);
        await GameTalk.SayAsync(game, access.CallerId, "emoji", new EmojiPayload(MafiaIds.Of(access.CallerId), request.Emoji!, GameViews.Timestamp(clock.UtcNow)), notifier, cancellationToken);
        return new MafiaSuccess();
    }
}

/// <summary>Who hears what a player says (a chat line or an emoji), by the game's chat audience.</summary>
internal static class GameTalk
{
    public static async Task SayAsync(Game game, long senderId, string eventName, object payload, IRealtimeNotifier notifier, CancellationToken cancellationToken)
    {
        var audience = game.ChatAudienceFor(senderId) ?? throw new DomainException(GameErrors.ChatNotAllowed);
        // Night talk is the living mafia's secret: dead players and watching admins only see public events.
        var recipients = game.Players.Where(p => audience == ChatAudience.Everyone || (p.Role == Role.Mafia && p.IsAlive)).Select(p => p.AccountId).ToList();
        if (audience == ChatAudience.Everyone)
        {
            recipients.Add(MafiaTopics.Observers);
        }

        foreach (var recipient in recipients)
        {
            await notifier.PublishAsync(new RealtimeEvent(MafiaTopics.Game(game.Id), eventName, recipient, payload), cancellationToken);
        }
    }
}

/// <summary>What a game socket or hub sends a viewer as they join: the state, and the player's role.</summary>
[AuthorizeRequest]
public sealed record JoinGameQuery(string GameId) : IRequest<JoinedGame>;

/// <summary><c>IsPlayer</c> false for an admin watching; <c>Version</c> tells two reads of the game apart (it grows with every save).</summary>
public sealed record JoinedGame(Guid GameId, bool IsPlayer, GameStateView State, RoleAssignedPayload? Role, long Version);

public sealed class JoinGameQueryHandler(GameAccess access, IClock clock) : IRequestHandler<JoinGameQuery, JoinedGame>
{
    public async Task<JoinedGame> Handle(JoinGameQuery request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken, forReading: true);
        var player = game.FindPlayer(access.CallerId);
        var role = player is null ? null : new RoleAssignedPayload(MafiaIds.Of(game.Id), GameViews.Name(player.Role), RoleRules.Describe(player.Role));
        return new JoinedGame(game.Id, player is not null, GameViews.State(game, player?.AccountId, clock.UtcNow), role, game.Version);
    }
}
