using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.SendChat;

/// <summary>
/// A chat line in a game: living players by day and in voting; at night only mafia, heard only by
/// mafia; after the end, every player. Up to 500 characters.
/// </summary>
[AuthorizeRequest]
public sealed record SendChatCommand(string GameId, string? Message) : IRequest<MafiaSuccess>, IRateLimitedRequest
{
    public string RateBucket => MafiaRateBuckets.Chat;
}

public sealed class SendChatCommandHandler(IReadRepository<Game> games, GameAccess access, IRealtimeNotifier notifier, IPlayerStanding standing, IClock clock) : IRequestHandler<SendChatCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(SendChatCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(games, request.GameId, cancellationToken, allowAdmin: false);
        await GameTalk.SayAsync(game, access.CallerId, "chat", new ChatPayload(MafiaIds.Of(access.CallerId), request.Message!, GameViews.Timestamp(clock.UtcNow)), notifier, standing, cancellationToken);
        return new MafiaSuccess();
    }
}
