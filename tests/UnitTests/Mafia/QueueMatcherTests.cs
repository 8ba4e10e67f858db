using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Matchmaking;

namespace CleanGames.UnitTests.Mafia;

public sealed class QueueMatcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Widen = TimeSpan.FromSeconds(30);
    private static readonly MatchmakingMode Classic = new("classic", 8, 4, GameSettings.Default);
    private static readonly MatchmakingMode Quick = new("quick", 4, 4, GameSettings.Default);

    [Fact]
    public void A_full_table_forms_from_players_who_share_a_language_and_a_mode()
    {
        var queue = Players("quick", 4, _ => ["en"]).Concat(Players("classic", 4, _ => ["en"], from: 10)).ToList();
        var match = Assert.Single(Plan(queue, Start.AddSeconds(5)));
        Assert.Equal(("quick", "en"), (match.Mode, match.Language));
        Assert.Equal([0, 1, 2, 3], match.Players.Select(p => (int)p.AccountId));
    }

    [Fact]
    public void Players_who_share_no_language_are_never_seated_together_even_after_the_wait()
    {
        var queue = Players("quick", 2, _ => ["en"]).Concat(Players("quick", 2, _ => ["ru"], from: 10)).ToList();
        Assert.Empty(Plan(queue, Start.AddMinutes(5)));
    }

    [Fact]
    public void A_player_speaking_two_languages_bridges_either_table()
    {
        var queue = Players("quick", 3, _ => ["ja"]).Append(Player(9, "quick", ["ru", "ja"], Start.AddSeconds(9))).ToList();
        var match = Assert.Single(Plan(queue, Start.AddSeconds(10)));
        Assert.Equal("ja", match.Language);
        Assert.Contains(match.Players, p => p.AccountId == 9);
    }

    [Fact]
    public void The_longest_waiting_are_seated_first()
    {
        // Ten English quick players: the first eight by join time make two tables; the last two wait.
        var queue = Players("quick", 10, _ => ["en"]).OrderBy(_ => Guid.NewGuid()).ToList();
        var matches = Plan(queue, Start.AddSeconds(20));
        Assert.Equal(2, matches.Count);
        Assert.Equal(Enumerable.Range(0, 8), matches.SelectMany(m => m.Players).Select(p => (int)p.AccountId).Order());
        Assert.Equal([0, 1, 2, 3], matches[0].Players.Select(p => (int)p.AccountId));
    }

    [Fact]
    public void Among_their_languages_the_oldest_player_takes_the_table_of_the_longest_waiting_others()
    {
        var queue = new List<QueuedPlayer> { Player(0, "quick", ["en", "de"], Start) };
        queue.AddRange(Players("quick", 3, _ => ["en"], from: 10, at: Start.AddSeconds(20)));
        queue.AddRange(Players("quick", 3, _ => ["de"], from: 20, at: Start.AddSeconds(5)));
        var match = Assert.Single(Plan(queue, Start.AddSeconds(25)));
        Assert.Equal("de", match.Language);
    }

    [Fact]
    public void A_table_below_the_modes_size_forms_only_after_the_oldest_waited_and_never_below_four()
    {
        var five = Players("classic", 5, _ => ["ga"]).ToList();
        Assert.Empty(Plan(five, Start.AddSeconds(29)));
        var match = Assert.Single(Plan(five, Start.AddSeconds(30)));
        Assert.Equal(5, match.Players.Count);

        var three = Players("classic", 3, _ => ["ga"]).ToList();
        Assert.Empty(Plan(three, Start.AddHours(1)));
    }

    [Fact]
    public void Widening_takes_the_language_with_the_most_players_waiting()
    {
        var queue = new List<QueuedPlayer> { Player(0, "classic", ["en", "fr"], Start) };
        queue.AddRange(Players("classic", 3, _ => ["en"], from: 10, at: Start.AddSeconds(1)));
        queue.AddRange(Players("classic", 5, _ => ["fr"], from: 20, at: Start.AddSeconds(2)));
        var match = Assert.Single(Plan(queue, Start.AddSeconds(31)));
        Assert.Equal(("fr", 6), (match.Language, match.Players.Count));
    }

    [Fact]
    public void Unknown_modes_are_left_alone()
    {
        Assert.Empty(Plan(Players("blitz", 8, _ => ["en"]).ToList(), Start.AddHours(1)));
    }

    [Fact]
    public void A_queue_entry_keeps_its_place_when_rejoined_and_is_dropped_only_after_the_grace_period_unheard()
    {
        var entry = QueueEntry.Join(Guid.NewGuid(), 1, "quick", ["EN", "ru", "en"], Start);
        Assert.Equal(["en", "ru"], entry.LanguageCodes);
        entry.Rejoin("classic", ["ja"]);
        Assert.Equal(("classic", Start), (entry.Mode, entry.JoinedAt));

        var grace = TimeSpan.FromSeconds(30);
        Assert.True(entry.Heard(false, Start.AddSeconds(1), grace));
        Assert.False(entry.Heard(false, Start.AddSeconds(30), grace));
        Assert.True(entry.Heard(true, Start.AddSeconds(31), grace));
        Assert.True(entry.Heard(false, Start.AddSeconds(40), grace));
        Assert.True(entry.IsWaiting);
        Assert.True(entry.Heard(false, Start.AddSeconds(70), grace));
        Assert.Equal(QueueEntryStatus.Dropped, entry.Status);
        Assert.Equal(MatchmakingErrors.NotWaiting, Assert.Throws<DomainException>(() => entry.Leave(Start.AddSeconds(71))).Error);
    }

    [Fact]
    public void A_matched_entry_names_its_game_and_says_so_once()
    {
        var entry = QueueEntry.Join(Guid.NewGuid(), 1, "quick", ["en"], Start);
        var game = Guid.NewGuid();
        entry.Match(game, Start.AddSeconds(3));
        Assert.Equal((QueueEntryStatus.Matched, game), (entry.Status, entry.GameId));
        Assert.Single(entry.DomainEvents.OfType<QueueEntryMatched>());
        Assert.Throws<DomainException>(() => entry.Match(Guid.NewGuid(), Start.AddSeconds(4)));
    }

    [Fact]
    public void A_mode_below_four_or_above_its_size_cannot_be_loaded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchmakingMode("tiny", 3, 3, GameSettings.Default).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchmakingMode("odd", 6, 7, GameSettings.Default).Validate());
        Classic.Validate();
        Quick.Validate();
    }

    private static IReadOnlyList<QueueMatch> Plan(IEnumerable<QueuedPlayer> queue, DateTimeOffset now) =>
        QueueMatcher.Plan(queue, name => name switch { "classic" => Classic, "quick" => Quick, _ => null }, now, Widen);

    private static IEnumerable<QueuedPlayer> Players(string mode, int count, Func<int, string[]> languages, int from = 0, DateTimeOffset? at = null) =>
        Enumerable.Range(0, count).Select(i => Player(from + i, mode, languages(i), (at ?? Start).AddSeconds(i)));

    private static QueuedPlayer Player(long id, string mode, string[] languages, DateTimeOffset joinedAt) =>
        new(Guid.CreateVersion7(joinedAt), id, mode, languages, joinedAt);
}
