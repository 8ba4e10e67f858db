using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Games.Events;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.EventHandlers;

/// <summary>
/// A game ended: the rewards sweep runs now. The game's recorded rewards are the source of truth;
/// this only makes the credit faster (if it is lost, the sweep's next tick credits them).
/// </summary>
public sealed class RewardsOnGameEnd(IRewardsSweep sweep) : INotificationHandler<DomainEventNotification<GameEnded>>
{
    public Task Handle(DomainEventNotification<GameEnded> notification, CancellationToken cancellationToken) => sweep.RunSoonAsync(cancellationToken);
}
