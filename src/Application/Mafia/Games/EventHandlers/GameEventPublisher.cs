using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;
using MediatR;

namespace CleanGames.Application.Mafia.Games.EventHandlers;

/// <summary>
/// Turns a saved game's events into what each connected person may hear: public events to every
/// player and observer, a detective's result to the detective, a death notice to the victim, and a
/// fresh <c>game_state</c> (as each viewer may see it) after every phase change. The game is taken
/// by id, so the instance the command just saved is reused rather than read again.
/// </summary>
public sealed class GameEventPublisher(IReadRepository<Game> games, IRealtimeNotifier notifier, IClock clock) :
    INotificationHandler<DomainEventNotification<GameStarted>>,
    INotificationHandler<DomainEventNotification<PhaseChanged>>,
    INotificationHandler<DomainEventNotification<NightResolved>>,
    INotificationHandler<DomainEventNotification<PlayerInvestigated>>,
    INotificationHandler<DomainEventNotification<PlayerEliminated>>,
    INotificationHandler<DomainEventNotification<VotingStarted>>,
    INotificationHandler<DomainEventNotification<VotingResolved>>,
    INotificationHandler<DomainEventNotification<GameEnded>>
{
    public async Task Handle(DomainEventNotification<GameStarted> notification, CancellationToken cancellationToken)
    {
        var e = notification.Event;
        var now = GameViews.Timestamp(clock.UtcNow);
        foreach (var (accountId, role) in e.Players)
        {
            var gameId = MafiaIds.Of(e.GameId);
            await notifier.PublishAsync(new RealtimeEvent(MafiaTopics.Notifications, "notification", accountId,
                new NotificationPayload("game_started", new { game_id = gameId }, now)), cancellationToken);
            await notifier.PublishAsync(new RealtimeEvent(MafiaTopics.Notifications, "notification", accountId,
                new NotificationPayload("role_assigned", new RoleAssignedPayload(gameId, GameViews.Name(role), RoleRules.Describe(role)), now)), cancellationToken);
        }
    }

    public async Task Handle(DomainEventNotification<PhaseChanged> notification, CancellationToken cancellationToken)
    {
        var game = await games.GetByIdAsync(notification.Event.GameId, cancellationToken);
        if (game is null)
        {
            return;
        }

        var now = clock.UtcNow;
        foreach (var player in game.Players)
        {
            await Publish(game.Id, "game_state", player.AccountId, GameViews.State(game, player.AccountId, now), cancellationToken);
        }

        await Publish(game.Id, "game_state", MafiaTopics.Observers, GameViews.State(game, null, now), cancellationToken);
    }

    public Task Handle(DomainEventNotification<NightResolved> notification, CancellationToken cancellationToken) =>
        PublishToAllAsync(notification.Event.GameId, "night_results",
            new NightResultsPayload(notification.Event.Killed is { } killed ? MafiaIds.Of(killed) : null, notification.Event.Saved), cancellationToken);

    public Task Handle(DomainEventNotification<PlayerInvestigated> notification, CancellationToken cancellationToken) =>
        Publish(notification.Event.GameId, "investigation_result", notification.Event.DetectiveId,
            new InvestigationResultPayload(MafiaIds.Of(notification.Event.TargetId), notification.Event.IsMafia), cancellationToken);

    public Task Handle(DomainEventNotification<PlayerEliminated> notification, CancellationToken cancellationToken) =>
        Publish(notification.Event.GameId, "eliminated", notification.Event.PlayerId, new EliminatedPayload(GameViews.Name(notification.Event.Reason)), cancellationToken);

    public Task Handle(DomainEventNotification<VotingStarted> notification, CancellationToken cancellationToken) =>
        PublishToAllAsync(notification.Event.GameId, "voting_started", new VotingStartedPayload(
            $"{MafiaIds.Of(notification.Event.GameId)}:{notification.Event.PhaseNumber}",
            "elimination",
            notification.Event.EligibleTargets.Select(MafiaIds.Of).ToArray()), cancellationToken);

    public Task Handle(DomainEventNotification<VotingResolved> notification, CancellationToken cancellationToken) =>
        PublishToAllAsync(notification.Event.GameId, "voting_results", new VotingResultsPayload(
            notification.Event.Eliminated is { } eliminated ? MafiaIds.Of(eliminated) : null,
            notification.Event.VoteCounts.ToDictionary(c => MafiaIds.Of(c.Key), c => c.Value)), cancellationToken);

    public async Task Handle(DomainEventNotification<GameEnded> notification, CancellationToken cancellationToken)
    {
        var game = await games.GetByIdAsync(notification.Event.GameId, cancellationToken);
        if (game is null)
        {
            return;
        }

        var payload = new GameEndedPayload(
            GameViews.Name(notification.Event.Winner),
            new GameResultsPayload(
                MafiaIds.Of(game.Id),
                game.DayCount,
                game.Players.OrderBy(p => p.Seat).Select(p => new PlayerResultPayload(
                    MafiaIds.Of(p.AccountId), GameViews.Name(p.Role), p.IsAlive, p.DeathReason is { } reason ? GameViews.Name(reason) : null, p.Team == notification.Event.Winner)).ToArray(),
                notification.Event.DealSeed,
                game.DealCommitment),
            notification.Event.Rewards.ToDictionary(r => MafiaIds.Of(r.AccountId), r => r.Amount),
            notification.Event.RewardNote);
        await PublishToAllAsync(game.Id, "game_ended", payload, cancellationToken, game);
    }

    private async Task PublishToAllAsync(Guid gameId, string name, object payload, CancellationToken cancellationToken, Game? loaded = null)
    {
        var game = loaded ?? await games.GetByIdAsync(gameId, cancellationToken);
        if (game is null)
        {
            return;
        }

        foreach (var player in game.Players)
        {
            await Publish(gameId, name, player.AccountId, payload, cancellationToken);
        }

        await Publish(gameId, name, MafiaTopics.Observers, payload, cancellationToken);
    }

    private async Task Publish(Guid gameId, string name, long accountId, object payload, CancellationToken cancellationToken) =>
        await notifier.PublishAsync(new RealtimeEvent(MafiaTopics.Game(gameId), name, accountId, payload), cancellationToken);
}
