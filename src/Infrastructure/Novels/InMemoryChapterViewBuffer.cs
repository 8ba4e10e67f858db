using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Novels.Views;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Novels;

/// <summary>
/// <see cref="IChapterViewBuffer"/> in this instance's memory, flushed by <see cref="ChapterViewsJob"/>.
/// Two bounded maps under one lock (a read costs a dictionary lookup or two):
/// <list type="bullet">
/// <item>the last counted read per (reader, chapter), so a reader counts once per window; at
/// <c>MaxTrackedReads</c> the expired ones go, and if none has expired the oldest go first (a
/// forgotten reader may count again: the bound costs accuracy, never memory);</item>
/// <item>the counts per (chapter, hour) waiting for the job; at <c>MaxPendingCounters</c> a read
/// for a new counter is not counted until the job has written the others.</item>
/// </list>
/// Readers remembered by one instance are not known to another: behind a load balancer a reader
/// moving between instances within the window may count once per instance.
/// </summary>
internal sealed class InMemoryChapterViewBuffer(IOptions<NovelsOptions> options) : IChapterViewBuffer
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Reader, Guid Chapter), DateTimeOffset> _lastCounted = [];
    private readonly Dictionary<(Guid Chapter, Guid Novel, DateTimeOffset Hour), long> _pending = [];

    public bool TryCount(Guid chapterId, Guid novelId, string reader, DateTimeOffset now)
    {
        var settings = options.Value;
        var window = TimeSpan.FromMinutes(settings.ViewWindowMinutes);
        var key = (reader, chapterId);
        var counter = (chapterId, novelId, NovelViewHour.StartOf(now));
        lock (_gate)
        {
            if (_lastCounted.TryGetValue(key, out var last) && now - last < window)
            {
                return false;
            }

            if (!_pending.ContainsKey(counter) && _pending.Count >= settings.MaxPendingCounters)
            {
                return false;
            }

            if (!_lastCounted.ContainsKey(key) && _lastCounted.Count >= settings.MaxTrackedReads)
            {
                Forget(now - window, settings.MaxTrackedReads);
            }

            _lastCounted[key] = now;
            _pending[counter] = _pending.GetValueOrDefault(counter) + 1;
            return true;
        }
    }

    public IReadOnlyList<PendingChapterViews> Drain()
    {
        lock (_gate)
        {
            var drained = _pending.Select(p => new PendingChapterViews(p.Key.Chapter, p.Key.Novel, p.Key.Hour, p.Value)).ToList();
            _pending.Clear();
            return drained;
        }
    }

    public void Restore(IReadOnlyList<PendingChapterViews> views)
    {
        lock (_gate)
        {
            foreach (var v in views)
            {
                var counter = (v.ChapterId, v.NovelId, v.HourStart);
                _pending[counter] = _pending.GetValueOrDefault(counter) + v.Views;
            }
        }
    }

    // Drops every expired entry; if that frees too little, the oldest quarter too, so this O(n) pass runs rarely.
    private void Forget(DateTimeOffset expiredBefore, int capacity)
    {
        foreach (var entry in _lastCounted.Where(e => e.Value <= expiredBefore).ToList())
        {
            _lastCounted.Remove(entry.Key);
        }

        if (_lastCounted.Count >= capacity * 3 / 4)
        {
            foreach (var entry in _lastCounted.OrderBy(e => e.Value).Take(_lastCounted.Count - (capacity * 3 / 4)).ToList())
            {
                _lastCounted.Remove(entry.Key);
            }
        }
    }
}
