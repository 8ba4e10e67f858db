using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Domain.Mafia.Lobbies;

public enum LobbyStatus
{
    Open,
    Started,

    /// <summary>Everyone left before the game started.</summary>
    Closed,
}

public sealed class LobbyMember
{
    private LobbyMember()
    {
    }

    internal LobbyMember(long accountId, DateTimeOffset joinedAt)
    {
        AccountId = accountId;
        JoinedAt = joinedAt;
        Seated = true;
    }

    public long AccountId { get; private set; }

    public bool Ready { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>
    /// True while the lobby is open: a player holds one such seat at a time, and the store refuses
    /// a second (two joins racing into two lobbies cannot both land).
    /// </summary>
    public bool Seated { get; private set; }

    internal void MarkReady() => Ready = true;

    internal void Unseat() => Seated = false;
}

/// <summary>
/// A private table gathering players by invite code. The creator is its first member and readies
/// like everyone else; when every member is ready and there are at least four, the game starts
/// and the lobby closes. A member may leave before the start; the last one out closes it.
/// </summary>
public sealed class Lobby : AggregateRoot<Guid>
{
    public const int InviteCodeLength = 8;

    private readonly List<LobbyMember> _members = [];

    private Lobby()
    {
        InviteCode = string.Empty;
        Mode = string.Empty;
        Settings = GameSettings.Default;
    }

    private Lobby(Guid id, string inviteCode, string mode, int maxPlayers, GameSettings settings, long creatorId, DateTimeOffset now)
        : base(id)
    {
        InviteCode = inviteCode;
        Mode = mode;
        MaxPlayers = maxPlayers;
        Settings = settings;
        CreatedBy = creatorId;
        CreatedAt = now;
        _members.Add(new LobbyMember(creatorId, now));
    }

    public string InviteCode { get; private set; }

    public string Mode { get; private set; }

    public int MaxPlayers { get; private set; }

    public GameSettings Settings { get; private set; }

    public long CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public LobbyStatus Status { get; private set; }

    public Guid? GameId { get; private set; }

    public IReadOnlyList<LobbyMember> Members => _members.AsReadOnly();

    public static Lobby Create(Guid id, string inviteCode, string mode, int maxPlayers, GameSettings settings, long creatorId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inviteCode);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(maxPlayers);
        return new Lobby(id, inviteCode, string.IsNullOrWhiteSpace(mode) ? "classic" : mode, maxPlayers, settings, creatorId, now);
    }

    public bool IsMember(long accountId) => _members.Exists(m => m.AccountId == accountId);

    /// <summary>Adds the player; joining a lobby one is already in changes nothing.</summary>
    public void Join(long accountId, DateTimeOffset now)
    {
        if (Status != LobbyStatus.Open)
        {
            throw new DomainException(Status == LobbyStatus.Closed ? LobbyErrors.Closed : LobbyErrors.Started);
        }

        if (IsMember(accountId))
        {
            return;
        }

        if (_members.Count >= MaxPlayers)
        {
            throw new DomainException(LobbyErrors.Full);
        }

        _members.Add(new LobbyMember(accountId, now));
        Raise(new LobbyMemberJoined(Id, accountId));
    }

    /// <summary>Marks the member ready; true when the table can now start (everyone ready, at least four).</summary>
    public bool MarkReady(long accountId)
    {
        var index = IndexOfMemberOfOpenTable(accountId);
        _members[index].MarkReady();
        Raise(new LobbyMemberReady(Id, accountId));
        return CanStart;
    }

    /// <summary>
    /// Takes the member off the table before the game starts; true when the table can now start
    /// (everyone left is ready, and at least four). The last one out closes the lobby.
    /// </summary>
    public bool Leave(long accountId)
    {
        var index = IndexOfMemberOfOpenTable(accountId);
        _members.RemoveAt(index);
        if (_members.Count == 0)
        {
            Status = LobbyStatus.Closed;
        }

        MarkChanged();
        Raise(new LobbyMemberLeft(Id, accountId));
        return CanStart;
    }

    public bool CanStart => Status == LobbyStatus.Open && _members.Count >= GameSettings.MinPlayers && _members.TrueForAll(m => m.Ready);

    /// <summary>
    /// Starts the table's game: the lobby closes into game <paramref name="gameId"/>, and the game
    /// deals its roles from <paramref name="dealSeed"/> (cryptographically random, from the caller)
    /// to the members in join order (its seats), with the lobby's mode and settings, starting at
    /// <paramref name="now"/>. Refused unless every member is ready and there are at least four.
    /// <paramref name="atDailyRewardLimit"/> are the members already rewarded for the day's limit of games.
    /// </summary>
    public Game StartGame(Guid gameId, byte[] dealSeed, DateTimeOffset now, IReadOnlySet<long>? atDailyRewardLimit = null)
    {
        ArgumentNullException.ThrowIfNull(dealSeed);
        var seats = CloseIntoGame(gameId);
        return Game.Start(gameId, Id, Mode, Settings, seats, dealSeed, now, atDailyRewardLimit);
    }

    private IReadOnlyList<long> CloseIntoGame(Guid gameId)
    {
        if (Status != LobbyStatus.Open)
        {
            throw new DomainException(LobbyErrors.Started);
        }

        if (!CanStart)
        {
            throw new DomainException(LobbyErrors.NotReady);
        }

        Status = LobbyStatus.Started;
        GameId = gameId;
        // From here the game holds the players; the lobby's seats are free.
        _members.ForEach(m => m.Unseat());
        MarkChanged();
        return _members.Select(m => m.AccountId).ToArray();
    }

    private int IndexOfMemberOfOpenTable(long accountId)
    {
        var index = _members.FindIndex(m => m.AccountId == accountId);
        if (index < 0)
        {
            throw new DomainException(LobbyErrors.NotAMember);
        }

        return Status == LobbyStatus.Open ? index : throw new DomainException(LobbyErrors.Started);
    }
}

public sealed record LobbyMemberJoined(Guid LobbyId, long AccountId) : IDomainEvent;

public sealed record LobbyMemberReady(Guid LobbyId, long AccountId) : IDomainEvent;

public sealed record LobbyMemberLeft(Guid LobbyId, long AccountId) : IDomainEvent;
