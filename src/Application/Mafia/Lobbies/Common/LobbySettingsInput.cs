using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Common;

/// <summary>Lobby <c>settings</c> on the wire; absent values take the defaults.</summary>
public sealed record LobbySettingsInput(int? MafiaCount = null, bool? WithDoctor = null, bool? WithDetective = null, int? NightSeconds = null, int? DaySeconds = null, int? VotingSeconds = null)
{
    public GameSettings ToSettings()
    {
        var defaults = GameSettings.Default;
        return new GameSettings(MafiaCount, WithDoctor, WithDetective, NightSeconds ?? defaults.NightSeconds, DaySeconds ?? defaults.DaySeconds, VotingSeconds ?? defaults.VotingSeconds);
    }
}
