using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Common;

/// <summary>Whether an account may join games (a ban stops it; the moderation module will add more).</summary>
public interface IPlayerStanding
{
    Task<bool> MayPlayAsync(long accountId, CancellationToken cancellationToken);
}
