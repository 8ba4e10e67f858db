using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;

namespace CleanGames.Application.Mafia.Games.Common;

/// <summary>
/// Who hears what a player says (a chat line or an emoji), by the game's chat audience. A player whose
/// chat is restricted (or who is banned) says nothing: 403 with the reason.
/// </summary>
internal static class GameTalk
{
    public static async Task SayAsync(Game game, long senderId, string eventName, object payload, IRealtimeNotifier notifier, IPlayerStanding standing, CancellationToken cancellationToken)
    {
        var mayTalk = await standing.OfAsync(senderId, cancellationToken);
        if (!mayTalk.CanChat)
        {
            throw new DomainException(MafiaErrors.Restricted(mayTalk.Reason!));
        }

        var audience = game.ChatAudienceFor(senderId) ?? throw new DomainException(GameErrors.ChatNotAllowed);
        // Night talk is the living mafia's secret: dead players and watching admins only see public events.
        var recipients = game.Players.Where(p => audience == ChatAudience.Everyone || (p.Role == Role.Mafia && p.IsAlive)).Select(p => p.AccountId).ToList();
        if (audience == ChatAudience.Everyone)
        {
            recipients.Add(MafiaTopics.Observers);
        }

        foreach (var recipient in recipients)
        {
            await notifier.PublishAsync(new RealtimeEvent(MafiaTopics.Game(game.Id), eventName, recipient, payload, Droppable: true), cancellationToken);
        }
    }
}
