using System.Security.Cryptography;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Mafia.Lobbies.Common;

/// <summary>
/// What a member's change to a lobby shares: the lobby is found (404), the caller must be in it
/// (403), a started one is a 409, and when the change leaves the table ready the game starts in
/// the same save, its roles dealt from a cryptographic seed, knowing which members were already
/// rewarded for the day's limit of games. The handler passes in the repositories it saves through.
/// </summary>
public sealed class LobbyTable(ICurrentUser user, IClock clock, IOptions<EconomyOptions> economy)
{
    public async Task<MafiaSuccess> ChangeAsync(string lobbyIdOrCode, Func<Lobby, long, bool> change, IRepository<Lobby> lobbies, IRepository<Game> games, CancellationToken cancellationToken)
    {
        var lobby = await lobbies.FirstOrDefaultAsync(new LobbyByIdOrCodeSpec(lobbyIdOrCode), cancellationToken) ?? throw new DomainException(MafiaErrors.LobbyNotFound);
        var accountId = user.AccountId!.Value;
        if (!lobby.IsMember(accountId))
        {
            throw new DomainException(LobbyErrors.NotAMember);
        }

        if (change(lobby, accountId))
        {
            await StartAsync(lobby, games, clock.UtcNow, cancellationToken);
        }

        await lobbies.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }

    /// <summary>Starts the ready table's game (added to the unit of work, unsaved), its roles dealt from a cryptographic seed.</summary>
    public async Task<Game> StartAsync(Lobby lobby, IRepository<Game> games, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lobby);
        ArgumentNullException.ThrowIfNull(games);
        var limited = await AtDailyRewardLimitAsync(lobby.Members.Select(m => m.AccountId), games, now, cancellationToken);
        var game = lobby.StartGame(Guid.NewGuid(), RandomNumberGenerator.GetBytes(DealShuffle.SeedBytes), now, limited);
        await games.AddAsync(game, cancellationToken);
        return game;
    }

    /// <summary>
    /// Starts a queue table's game (added to the unit of work, unsaved): the mode's settings, the
    /// players seated in the order given, roles dealt as a lobby's are.
    /// </summary>
    public async Task<Game> StartAsync(MatchmakingMode mode, IReadOnlyList<long> players, IRepository<Game> games, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(games);
        var limited = await AtDailyRewardLimitAsync(players, games, now, cancellationToken);
        var game = Game.Start(Guid.NewGuid(), null, mode.Name, mode.Settings, players, RandomNumberGenerator.GetBytes(DealShuffle.SeedBytes), now, limited);
        await games.AddAsync(game, cancellationToken);
        return game;
    }

    /// <summary>The players already rewarded for <c>Economy:MaxRewardedGamesPerDay</c> games on <paramref name="now"/>'s UTC day.</summary>
    private async Task<IReadOnlySet<long>> AtDailyRewardLimitAsync(IEnumerable<long> players, IRepository<Game> games, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var limit = economy.Value.MaxRewardedGamesPerDay;
        var limited = new HashSet<long>();
        foreach (var player in players)
        {
            if (await games.CountAsync(new GamesRewardingPlayerSinceSpec(player, dayStart), cancellationToken) >= limit)
            {
                limited.Add(player);
            }
        }

        return limited;
    }
}
