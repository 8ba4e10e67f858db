namespace CleanGames.Domain.Mafia.Matchmaking;

/// <summary>A waiting player as the matcher sees them.</summary>
public sealed record QueuedPlayer(Guid EntryId, long AccountId, string Mode, IReadOnlyList<string> Languages, DateTimeOffset JoinedAt);

/// <summary>A table the matcher formed: players of one mode sharing <see cref="Language"/>, longest-waiting first.</summary>
public sealed record QueueMatch(string Mode, string Language, IReadOnlyList<QueuedPlayer> Players);

/// <summary>
/// Forms tables from the queue. Per mode, the longest-waiting player who is not yet placed goes
/// first: among their languages, the one that fills a table of the mode's size with the
/// longest-waiting others (the table whose newest member joined earliest); a player who cannot
/// fill one and has waited <c>widenAfter</c> gets the largest table of at least the mode's
/// <see cref="MatchmakingMode.MinPlayers"/> their languages give; otherwise they wait, and the next
/// player is tried. Pure and deterministic: the same queue gives the same tables.
/// </summary>
public static class QueueMatcher
{
    public static IReadOnlyList<QueueMatch> Plan(IEnumerable<QueuedPlayer> waiting, Func<string, MatchmakingMode?> modes, DateTimeOffset now, TimeSpan widenAfter)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(modes);
        var matches = new List<QueueMatch>();
        foreach (var byMode in waiting.GroupBy(p => p.Mode, StringComparer.Ordinal))
        {
            if (modes(byMode.Key) is { } mode)
            {
                PlanMode(byMode.OrderBy(p => p.JoinedAt).ThenBy(p => p.EntryId).ToList(), mode, now, widenAfter, matches);
            }
        }

        return matches;
    }

    private static void PlanMode(List<QueuedPlayer> ordered, MatchmakingMode mode, DateTimeOffset now, TimeSpan widenAfter, List<QueueMatch> matches)
    {
        var placed = new HashSet<Guid>();
        var byLanguage = new Dictionary<string, Speakers>(StringComparer.Ordinal);
        foreach (var player in ordered)
        {
            foreach (var language in player.Languages)
            {
                if (!byLanguage.TryGetValue(language, out var speakers))
                {
                    byLanguage[language] = speakers = new Speakers();
                }

                speakers.InWaitOrder.Add(player);
            }
        }

        foreach (var first in ordered)
        {
            if (placed.Contains(first.EntryId))
            {
                continue;
            }

            QueueMatch? full = null;
            QueueMatch? widest = null;
            foreach (var language in first.Languages)
            {
                var table = byLanguage[language].Table(first, mode.Players, placed);
                if (table.Count == mode.Players)
                {
                    if (full is null || table[^1].JoinedAt < full.Players[^1].JoinedAt)
                    {
                        full = new QueueMatch(mode.Name, language, table);
                    }
                }
                else if (widest is null || table.Count > widest.Players.Count)
                {
                    widest = new QueueMatch(mode.Name, language, table);
                }
            }

            var chosen = full ?? (now - first.JoinedAt >= widenAfter && widest?.Players.Count >= mode.MinPlayers ? widest : null);
            if (chosen is not null)
            {
                matches.Add(chosen);
                placed.UnionWith(chosen.Players.Select(p => p.EntryId));
            }
        }
    }

    /// <summary>The players of one mode who speak a language, longest-waiting first.</summary>
    private sealed class Speakers
    {
        private int _firstUnplaced;

        public List<QueuedPlayer> InWaitOrder { get; } = [];

        /// <summary><paramref name="first"/> and up to <paramref name="size"/> − 1 unplaced others, longest-waiting first.</summary>
        public List<QueuedPlayer> Table(QueuedPlayer first, int size, HashSet<Guid> placed)
        {
            // Players are placed mostly from the front, so skipping a placed prefix keeps each scan short.
            while (_firstUnplaced < InWaitOrder.Count && placed.Contains(InWaitOrder[_firstUnplaced].EntryId))
            {
                _firstUnplaced++;
            }

            var table = new List<QueuedPlayer>(size) { first };
            for (var i = _firstUnplaced; i < InWaitOrder.Count && table.Count < size; i++)
            {
                var player = InWaitOrder[i];
                if (player.EntryId != first.EntryId && !placed.Contains(player.EntryId))
                {
                    table.Add(player);
                }
            }

            return table;
        }
    }
}
