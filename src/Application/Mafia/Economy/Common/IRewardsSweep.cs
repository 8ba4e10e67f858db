namespace CleanGames.Application.Mafia.Economy.Common;

/// <summary>The Quartz sweep that credits ended games' rewards; a game's end asks it to run now rather than at its next tick.</summary>
public interface IRewardsSweep
{
    Task RunSoonAsync(CancellationToken cancellationToken);
}
