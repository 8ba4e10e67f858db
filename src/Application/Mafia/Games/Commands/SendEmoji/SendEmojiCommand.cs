using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.SendEmoji;

/// <summary>
/// An emoji reaction: up to 16 characters of emoji only (no letters or digits), under the chat's
/// rules of who may send and who hears.
/// </summary>
[AuthorizeRequest]
public sealed record SendEmojiCommand(string GameId, string? Emoji) : IRequest<MafiaSuccess>, IRateLimitedRequest
{
    public string RateBucket => MafiaRateBuckets.Emoji;
}

public sealed class SendEmojiCommandHandler(IReadRepository<Game> games, GameAccess access, IRealtimeNotifier notifier, IPlayerStanding standing, IClock clock) : IRequestHandler<SendEmojiCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(SendEmojiCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(games, request.GameId, cancellationToken, allowAdmin: false);
        await GameTalk.SayAsync(game, access.CallerId, "emoji", new EmojiPayload(MafiaIds.Of(access.CallerId), request.Emoji!, GameViews.Timestamp(clock.UtcNow)), notifier, standing, cancellationToken);
        return new MafiaSuccess();
    }
}
