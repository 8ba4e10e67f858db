using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.Domain.Mafia.Games;

/// <summary>
/// One game of Mafia: the dealt roles, the phase clock (<c>night → day → voting → night …</c>,
/// then <c>ended</c>), the current night's actions and votes, the history and, once over, the
/// winner and the rewards. Every rule lives here; a phase is resolved at most once because each
/// resolution names the phase number it ends.
/// </summary>
public sealed class Game : AggregateRoot<Guid>
{
    /// <summary>A phase whose deadline fired later than this never counts against idle players.</summary>
    public static readonly TimeSpan IdleExemptLag = TimeSpan.FromSeconds(1);

    private readonly List<GamePlayer> _players = [];
    private readonly List<NightAction> _nightActions = [];
    private readonly List<Vote> _votes = [];
    private readonly List<GameActionEntry> _history = [];
    private readonly List<GameReward> _rewards = [];

    private Game()
    {
        Mode = string.Empty;
        Settings = GameSettings.Default;
        DealSeed = string.Empty;
        DealCommitment = string.Empty;
    }

    private Game(Guid id, Guid? lobbyId, string mode, GameSettings settings)
        : base(id)
    {
        LobbyId = lobbyId;
        Mode = mode;
        Settings = settings;
        DealSeed = string.Empty;
        DealCommitment = string.Empty;
    }

    public Guid? LobbyId { get; private set; }

    public string Mode { get; private set; }

    public GameSettings Settings { get; private set; }

    public GamePhase Phase { get; private set; }

    public int DayCount { get; private set; }

    /// <summary>Counts phases from 1; a deadline names the phase it ends, so a late or repeated one is a no-op.</summary>
    public int PhaseNumber { get; private set; }

    public DateTimeOffset PhaseStartedAt { get; private set; }

    public DateTimeOffset? PhaseDeadline { get; private set; }

    public Team? Winner { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The secret seed of the deal (hex); revealed only once the game has ended.</summary>
    public string DealSeed { get; private set; }

    public string DealCommitment { get; private set; }

    public IReadOnlyList<GamePlayer> Players => _players.AsReadOnly();

    public IReadOnlyList<NightAction> NightActions => _nightActions.AsReadOnly();

    public IReadOnlyList<Vote> Votes => _votes.AsReadOnly();

    public IReadOnlyList<GameActionEntry> History => _history.AsReadOnly();

    public IReadOnlyList<GameReward> Rewards => _rewards.AsReadOnly();

    /// <summary>Why the game earned no rewards (the farming guard), or null.</summary>
    public string? RewardNote { get; private set; }

    /// <summary>When the economy credited <see cref="Rewards"/> to the players' wallets (once).</summary>
    public DateTimeOffset? RewardsCreditedAt { get; private set; }

    public bool IsOver => Phase == GamePhase.Ended;

    /// <summary>
    /// Deals the roles with <paramref name="seed"/> (cryptographically random, from the caller) to
    /// <paramref name="playerIds"/> in seat order and starts at night of day 1.
    /// <paramref name="atDailyRewardLimit"/> are the players already rewarded for the day's limit of
    /// games (the rewards guard).
    /// </summary>
    public static Game Start(Guid id, Guid? lobbyId, string mode, GameSettings settings, IReadOnlyList<long> playerIds, byte[] seed, DateTimeOffset now, IReadOnlySet<long>? atDailyRewardLimit = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(playerIds);
        ArgumentNullException.ThrowIfNull(seed);
        // A short seed would make the published commitment easy to search.
        if (seed.Length < DealShuffle.SeedBytes)
        {
            throw new ArgumentException($"The deal seed must be at least {DealShuffle.SeedBytes} random bytes.", nameof(seed));
        }

        if (playerIds.Distinct().Count() != playerIds.Count)
        {
            throw new ArgumentException("A player sits at the table once.", nameof(playerIds));
        }

        var roles = DealShuffle.Deal(settings.RolesFor(playerIds.Count), seed);
        var game = new Game(id, lobbyId, mode, settings)
        {
            StartedAt = now,
            DealSeed = Convert.ToHexStringLower(seed),
            DealCommitment = DealShuffle.Commitment(id.ToString(), seed, roles),
        };
        for (var seat = 0; seat < playerIds.Count; seat++)
        {
            game._players.Add(new GamePlayer(playerIds[seat], seat, roles[seat], atDailyRewardLimit?.Contains(playerIds[seat]) == true));
        }

        game.Raise(new GameStarted(id, lobbyId, game._players.Select(p => (p.AccountId, p.Role)).ToArray()));
        game.BeginPhase(GamePhase.Night, 1, now);
        return game;
    }

    public GamePlayer? FindPlayer(long accountId) => _players.Find(p => p.AccountId == accountId);

    public bool IsPlayer(long accountId) => FindPlayer(accountId) is not null;

    public IReadOnlyList<long> AlivePlayerIds => _players.Where(p => p.IsAlive).Select(p => p.AccountId).ToArray();

    /// <summary>
    /// Records (or replaces) the actor's action for tonight. When every living player with a night
    /// action has acted, the night ends at once.
    /// </summary>
    public void SubmitNightAction(long actorId, NightActionType action, long targetId, DateTimeOffset now)
    {
        var actor = FindPlayer(actorId) ?? throw new DomainException(GameErrors.NotAPlayer);
        EnsureNotOver();
        if (!actor.IsAlive)
        {
            throw new DomainException(GameErrors.DeadActor);
        }

        if (Phase != GamePhase.Night)
        {
            throw new DomainException(GameErrors.NotNight);
        }

        if (RoleRules.NightActionOf(actor.Role) != action)
        {
            throw new DomainException(GameErrors.WrongRole);
        }

        var target = FindPlayer(targetId) ?? throw new DomainException(GameErrors.TargetNotInGame);
        if (!target.IsAlive)
        {
            throw new DomainException(GameErrors.TargetDead);
        }

        if (action == NightActionType.Heal && actor.LastHealedTarget == targetId)
        {
            throw new DomainException(GameErrors.HealRepeated);
        }

        _nightActions.RemoveAll(a => a.ActorId == actorId);
        _nightActions.Add(new NightAction(PhaseNumber, actorId, action, targetId));
        MarkChanged();
        if (_players.Where(CanStillAct).All(HasActed))
        {
            ResolveCurrentPhase(now, countsForIdle: true);
        }
    }

    /// <summary>Records (or replaces) a vote; a null target skips. When every living player has voted, voting ends at once.</summary>
    public void CastVote(long voterId, long? targetId, DateTimeOffset now)
    {
        var voter = FindPlayer(voterId) ?? throw new DomainException(GameErrors.NotAPlayer);
        EnsureNotOver();
        if (!voter.IsAlive)
        {
            throw new DomainException(GameErrors.DeadActor);
        }

        if (Phase != GamePhase.Voting)
        {
            throw new DomainException(GameErrors.NotVoting);
        }

        if (targetId is { } id)
        {
            var target = FindPlayer(id) ?? throw new DomainException(GameErrors.TargetNotInGame);
            if (!target.IsAlive)
            {
                throw new DomainException(GameErrors.TargetDead);
            }

            if (id == voterId)
            {
                throw new DomainException(GameErrors.SelfVote);
            }
        }

        _votes.RemoveAll(v => v.VoterId == voterId);
        _votes.Add(new Vote(PhaseNumber, voterId, targetId));
        MarkChanged();
        if (_players.Where(CanStillAct).All(HasActed))
        {
            ResolveCurrentPhase(now, countsForIdle: true);
        }
    }

    /// <summary>
    /// Ends phase <paramref name="phaseNumber"/> as at its deadline (a deadline firing, or an admin
    /// ending it early). A phase that has already ended (an early end, a second trigger, another
    /// instance) is left alone: returns false. The AFK rule does not count the phase against anyone
    /// when it ends more than <see cref="IdleExemptLag"/> after its deadline, or when it began
    /// before <paramref name="serverStartedAt"/> (the server ending it was restarted meanwhile, so
    /// players may have been unable to act).
    /// </summary>
    public bool EndPhase(int phaseNumber, DateTimeOffset now, DateTimeOffset serverStartedAt)
    {
        if (IsOver || phaseNumber != PhaseNumber)
        {
            return false;
        }

        var onTime = PhaseDeadline is not { } deadline || now - deadline <= IdleExemptLag;
        ResolveCurrentPhase(now, onTime && PhaseStartedAt >= serverStartedAt);
        return true;
    }

    /// <summary>
    /// An admin ends the current phase now, resolved as at its deadline (and counted like an on-time
    /// one for the AFK rule). Unlike a deadline, which may arrive after the game has ended and is
    /// then a no-op, an admin asking to advance an ended game is refused.
    /// </summary>
    public void AdvancePhase(DateTimeOffset now, DateTimeOffset serverStartedAt)
    {
        EnsureNotOver();
        EndPhase(PhaseNumber, now, serverStartedAt);
    }

    /// <summary>An admin ends the game with <paramref name="winner"/> (no further phases).</summary>
    public void ForceEnd(Team winner, DateTimeOffset now)
    {
        EnsureNotOver();
        Finish(winner, now);
    }

    /// <summary>
    /// A banned player leaves the table at once: they are eliminated (reason <c>banned</c>), their
    /// choices of this phase and the choices aimed at them are dropped, and the game ends if a side has
    /// won; otherwise the phase runs to its deadline. False when there is nothing to do (not a living
    /// player, or the game is over).
    /// </summary>
    public bool RemoveBanned(long accountId, DateTimeOffset now)
    {
        if (IsOver || FindPlayer(accountId) is not { IsAlive: true })
        {
            return false;
        }

        _nightActions.RemoveAll(a => a.ActorId == accountId || a.TargetId == accountId);
        _votes.RemoveAll(v => v.VoterId == accountId || v.TargetId == accountId);
        Kill(accountId, DeathReason.Banned, now);
        TryFinish(now);
        return true;
    }

    /// <summary>True when the player has an action open in the current phase.</summary>
    public bool CanAct(long accountId) => FindPlayer(accountId) is { } player && CanStillAct(player) && !HasActed(player);

    /// <summary>A role is visible to its holder, to fellow mafia, and to everyone once the game has ended.</summary>
    public bool IsRoleVisible(long? viewerId, GamePlayer subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return GameVisibility.IsRoleVisible(IsOver, viewerId, RoleOf(viewerId), subject.AccountId, subject.Role);
    }

    public bool IsVisible(long? viewerId, GameActionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return GameVisibility.IsEntryVisible(IsOver, viewerId, RoleOf(viewerId), entry.Visibility, entry.PlayerId);
    }

    /// <summary>The viewer's role at this table; null for anyone who is not a player (an admin watching, say).</summary>
    public Role? RoleOf(long? viewerId) => viewerId is { } id ? FindPlayer(id)?.Role : null;

    /// <summary>
    /// Who hears a chat message from <paramref name="senderId"/> now: everyone (day, voting, after
    /// the end), only the mafia (a mafia member at night); null when the sender may not chat.
    /// </summary>
    public ChatAudience? ChatAudienceFor(long senderId)
    {
        var sender = FindPlayer(senderId);
        if (sender is null)
        {
            return null;
        }

        if (IsOver)
        {
            return ChatAudience.Everyone;
        }

        if (!sender.IsAlive)
        {
            return null;
        }

        return Phase switch
        {
            GamePhase.Day or GamePhase.Voting => ChatAudience.Everyone,
            GamePhase.Night when sender.Role == Role.Mafia => ChatAudience.Mafia,
            _ => null,
        };
    }

    private bool CanStillAct(GamePlayer player) => player.IsAlive && Phase switch
    {
        GamePhase.Night => RoleRules.NightActionOf(player.Role) is not null,
        GamePhase.Voting => true,
        _ => false,
    };

    private bool HasActed(GamePlayer player) => Phase switch
    {
        GamePhase.Night => _nightActions.Exists(a => a.ActorId == player.AccountId),
        GamePhase.Voting => _votes.Exists(v => v.VoterId == player.AccountId),
        _ => false,
    };

    private void EnsureNotOver()
    {
        if (IsOver)
        {
            throw new DomainException(GameErrors.GameOver);
        }
    }

    private void ResolveCurrentPhase(DateTimeOffset now, bool countsForIdle)
    {
        switch (Phase)
        {
            case GamePhase.Night:
                ResolveNight(now, countsForIdle);
                if (!TryFinish(now))
                {
                    BeginPhase(GamePhase.Day, DayCount, now);
                }

                break;
            case GamePhase.Day:
                BeginPhase(GamePhase.Voting, DayCount, now);
                Raise(new VotingStarted(Id, PhaseNumber, AlivePlayerIds));
                break;
            case GamePhase.Voting:
                ResolveVoting(now, countsForIdle);
                if (!TryFinish(now))
                {
                    BeginPhase(GamePhase.Night, DayCount + 1, now);
                }

                break;
        }
    }

    private void ResolveNight(DateTimeOffset now, bool countsForIdle)
    {
        var tonight = _nightActions.Where(a => FindPlayer(a.ActorId) is { IsAlive: true }).ToList();
        foreach (var action in tonight)
        {
            var visibility = action.Action == NightActionType.Kill ? ActionVisibility.Mafia : ActionVisibility.Actor;
            string? result = null;
            if (action.Action == NightActionType.Investigate)
            {
                var isMafia = FindPlayer(action.TargetId)!.Role == Role.Mafia;
                result = isMafia ? "mafia" : "not_mafia";
                Raise(new PlayerInvestigated(Id, action.ActorId, action.TargetId, isMafia));
            }

            Record(action.ActorId, GameNames.Of(action.Action), action.TargetId, result, visibility, now);
        }

        var kills = tonight.Where(a => a.Action == NightActionType.Kill).GroupBy(a => a.TargetId).Select(g => (Target: g.Key, Votes: g.Count())).ToList();
        var top = kills.Count == 0 ? 0 : kills.Max(k => k.Votes);
        long? victim = kills.Count(k => k.Votes == top) == 1 ? kills.Single(k => k.Votes == top).Target : null;

        foreach (var doctor in _players.Where(p => p.IsAlive && p.Role == Role.Doctor))
        {
            doctor.Healed(tonight.FirstOrDefault(a => a.ActorId == doctor.AccountId)?.TargetId);
        }

        var saved = victim is { } marked && tonight.Exists(a => a.Action == NightActionType.Heal && a.TargetId == marked);
        CountTurns(countsForIdle);
        _nightActions.Clear();

        long? killed = saved ? null : victim;
        Raise(new NightResolved(Id, killed, saved));
        if (killed is { } dead)
        {
            Kill(dead, DeathReason.Killed, now);
        }

        RemoveIdle(now);
    }

    private void ResolveVoting(DateTimeOffset now, bool countsForIdle)
    {
        var ballots = _votes.Where(v => FindPlayer(v.VoterId) is { IsAlive: true }).ToList();
        foreach (var ballot in ballots)
        {
            Record(ballot.VoterId, "vote", ballot.TargetId, ballot.TargetId is null ? "skip" : null, ActionVisibility.Public, now);
        }

        var counts = ballots.Where(b => b.TargetId is not null).GroupBy(b => b.TargetId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var top = counts.Count == 0 ? 0 : counts.Values.Max();
        long? eliminated = counts.Count(c => c.Value == top) == 1 ? counts.Single(c => c.Value == top).Key : null;
        CountTurns(countsForIdle);
        _votes.Clear();

        Raise(new VotingResolved(Id, eliminated, counts));
        if (eliminated is { } votedOut)
        {
            Kill(votedOut, DeathReason.Voted, now);
        }

        RemoveIdle(now);
    }

    /// <summary>The AFK rule's bookkeeping for the phase ending now.</summary>
    private void CountTurns(bool countsForIdle)
    {
        foreach (var player in _players.Where(CanStillAct))
        {
            if (HasActed(player))
            {
                player.Acted();
            }
            else if (countsForIdle)
            {
                player.MissedTurn();
            }
        }
    }

    private void RemoveIdle(DateTimeOffset now)
    {
        foreach (var player in _players.Where(p => p.IsAlive && p.MissedTurns >= 2).ToList())
        {
            Kill(player.AccountId, DeathReason.Idle, now);
        }
    }

    private void Kill(long accountId, DeathReason reason, DateTimeOffset now)
    {
        var player = FindPlayer(accountId)!;
        player.Die(reason, DayCount);
        Record(null, "death", accountId, GameNames.Of(reason), ActionVisibility.Public, now);
        Raise(new PlayerEliminated(Id, accountId, reason));
    }

    private bool TryFinish(DateTimeOffset now)
    {
        var mafia = _players.Count(p => p.IsAlive && p.Role == Role.Mafia);
        var others = _players.Count(p => p.IsAlive && p.Role != Role.Mafia);
        Team? winner = mafia == 0 ? Team.Citizens : mafia >= others ? Team.Mafia : null;
        if (winner is not { } team)
        {
            return false;
        }

        Finish(team, now);
        return true;
    }

    private void Finish(Team winner, DateTimeOffset now)
    {
        Winner = winner;
        EndedAt = now;
        Phase = GamePhase.Ended;
        PhaseStartedAt = now;
        PhaseDeadline = null;
        _nightActions.Clear();
        _votes.Clear();
        _rewards.Clear();
        var (rewards, note) = GameRewardPolicy.Settle(_players, Settings, winner, StartedAt, now);
        RewardNote = note;
        _rewards.AddRange(rewards);
        Record(null, "game_end", null, GameNames.Of(winner), ActionVisibility.Public, now);
        Raise(new PhaseChanged(Id, Phase, DayCount, PhaseNumber, null));
        Raise(new GameEnded(Id, winner, _rewards.ToArray(), DealSeed, RewardNote));
    }

    /// <summary>The economy credited the rewards; a second call changes nothing.</summary>
    public void MarkRewardsCredited(DateTimeOffset now)
    {
        if (!IsOver)
        {
            throw new InvalidOperationException("Only a finished game's rewards are credited.");
        }

        if (RewardsCreditedAt is null)
        {
            RewardsCreditedAt = now;
            MarkChanged();
        }
    }

    private void BeginPhase(GamePhase phase, int day, DateTimeOffset now)
    {
        Phase = phase;
        DayCount = day;
        PhaseNumber++;
        PhaseStartedAt = now;
        PhaseDeadline = now + Settings.DurationOf(phase);
        Record(null, "phase_change", null, GameNames.Of(phase), ActionVisibility.Public, now);
        Raise(new PhaseChanged(Id, phase, day, PhaseNumber, PhaseDeadline));
    }

    private void Record(long? playerId, string actionType, long? targetId, string? result, ActionVisibility visibility, DateTimeOffset now)
    {
        _history.Add(new GameActionEntry(_history.Count + 1, DayCount, Phase, playerId, actionType, targetId, result, visibility, now));
        MarkChanged();
    }
}

public enum ChatAudience
{
    Everyone,
    Mafia,
}

/// <summary>
/// What a viewer of a game may see, as plain functions of the few values the rules need, so a read
/// that projects only those values (not the whole game) applies the same rules as the aggregate.
/// </summary>
public static class GameVisibility
{
    /// <summary>
    /// A role is visible to its holder, to fellow mafia, and to everyone once the game has ended.
    /// <paramref name="viewerRole"/> is the viewer's role at this table, null when not a player.
    /// </summary>
    public static bool IsRoleVisible(bool gameOver, long? viewerId, Role? viewerRole, long subjectId, Role subjectRole) =>
        gameOver || viewerId == subjectId || (viewerRole == Role.Mafia && subjectRole == Role.Mafia);

    /// <summary>
    /// A history entry is visible to everyone once the game has ended; before, public entries to
    /// everyone, the mafia's to the mafia, and the rest only to the player who acted.
    /// </summary>
    public static bool IsEntryVisible(bool gameOver, long? viewerId, Role? viewerRole, ActionVisibility visibility, long? actorId) =>
        gameOver || visibility switch
        {
            ActionVisibility.Public => true,
            ActionVisibility.Mafia => viewerRole == Role.Mafia,
            _ => viewerId is not null && viewerId == actorId,
        };
}
