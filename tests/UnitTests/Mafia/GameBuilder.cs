using CleanGames.Domain.Mafia.Games;

namespace CleanGames.UnitTests.Mafia;

/// <summary>
/// Starts a real <see cref="Game"/> with a fixed seed. The roles are dealt by a seeded shuffle, so
/// a test never assumes which seat got which role: it asks the started game (see
/// <see cref="GameTable"/>: <c>game.MafiaIds()</c>, <c>game.DoctorId()</c>, …).
/// </summary>
internal sealed class GameBuilder
{
    public const long FirstPlayerId = 101;

    /// <summary>An account that does not sit at the table.</summary>
    public const long Outsider = 999;

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 0, 0, TimeSpan.Zero);
    public static readonly Guid GameId = new("9a3c6b10-7d4e-4f21-9b8a-2c5d7e6f8a91");
    public static readonly Guid LobbyId = new("3f0e8c2d-1b4a-4c6e-8d2f-5a7b9c1e3d50");

    /// <summary>When the server that ends the phases started, unless a test says otherwise: before the game.</summary>
    public static readonly DateTimeOffset ServerStartedAt = Now.AddHours(-1);

    /// <summary>A server started after every phase of a test began: each phase it ends spanned its restart.</summary>
    public static readonly DateTimeOffset RestartedAt = Now.AddDays(30);

    private int _players = 5;
    private GameSettings _settings = GameSettings.Default;
    private byte[] _seed = Seed(3);
    private Guid _id = GameId;
    private HashSet<long> _atDailyRewardLimit = [];

    public static GameBuilder New(int players = 5)
    {
        var builder = new GameBuilder
        {
            _players = players,
        };
        return builder;
    }

    /// <summary>A fixed 32-byte seed; different salts give different seeds.</summary>
    public static byte[] Seed(int salt)
    {
        var seed = new byte[DealShuffle.SeedBytes];
        for (var i = 0; i < seed.Length; i++)
        {
            seed[i] = unchecked((byte)((salt * 37) + (i * 11)));
        }

        return seed;
    }

    /// <summary>The account ids of a table of <paramref name="count"/>, in seat order.</summary>
    public static IReadOnlyList<long> SeatsFor(int count) => Enumerable.Range(0, count).Select(i => FirstPlayerId + i).ToArray();

    public GameBuilder WithSettings(GameSettings settings)
    {
        _settings = settings;
        return this;
    }

    public GameBuilder WithSeed(byte[] seed)
    {
        _seed = seed;
        return this;
    }

    public GameBuilder WithId(Guid id)
    {
        _id = id;
        return this;
    }

    /// <summary>These players were already rewarded for the day's limit of games when the game started.</summary>
    public GameBuilder AtDailyRewardLimit(params long[] accountIds)
    {
        _atDailyRewardLimit = [.. accountIds];
        return this;
    }

    public Game Build() => Game.Start(_id, LobbyId, "classic", _settings, SeatsFor(_players), _seed.ToArray(), Now, _atDailyRewardLimit);
}
