using CleanGames.Application.Identity.Common;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Identity;

/// <summary>
/// One row per (subject, address) pair that has attempted a password sign-in recently. Times are
/// Unix milliseconds so that the database itself computes the next wait in the same statement
/// that counts the attempt (both providers do integer arithmetic; neither adds to a date portably).
/// </summary>
internal sealed class SignInThrottleEntry
{
    public string Subject { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    /// <summary>Attempts counted since the pair was last forgotten (a correct password or the forget window).</summary>
    public int Attempts { get; set; }

    /// <summary>The wait the last attempt imposed; the next one past the free failures doubles it.</summary>
    public long DelayMs { get; set; }

    /// <summary>No attempt of the pair is counted, or checked, before this.</summary>
    public long BlockedUntilMs { get; set; }

    public long LastAttemptMs { get; set; }
}

/// <summary>
/// The sign-in throttle on the database, so that every instance counts against the same rows.
/// Each attempt is claimed by one conditional UPDATE (or the INSERT of a first attempt): the
/// database serialises them per row, so racing guesses of one pair are each counted and none
/// slips past a wait, and no optimistic-concurrency retry ever repeats a count. Runs on a context
/// of its own: its writes are not part of the request's unit of work.
/// </summary>
internal sealed class EfSignInThrottle(IServiceScopeFactory scopes, IOptions<SignInThrottleOptions> options) : ISignInThrottle
{
    private const int MaxRounds = 4;

    public async Task<TimeSpan?> TryBeginAttemptAsync(SignInThrottleKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var nowMs = now.ToUnixTimeMilliseconds();
        var forgetBeforeMs = nowMs - (long)TimeSpan.FromHours(settings.ForgetAfterHours).TotalMilliseconds;
        var firstMs = settings.FirstDelaySeconds * 1000L;
        var maxMs = settings.MaxDelaySeconds * 1000L;
        var free = settings.FreeFailures;
        var afterFirstAttemptMs = (long)settings.DelayAfter(1).TotalMilliseconds;
        var subject = key.Subject;
        var address = key.Address;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        for (var round = 0; round < MaxRounds; round++)
        {
            // attempts k (this one included): k < free waits nothing, k = free waits the first delay,
            // each further attempt doubles the wait up to the cap; a pair quiet for the forget window
            // starts again at k = 1.
            var claimed = await db.ExecuteWriteAsync(
                token => db.SignInThrottle
                    .Where(e => e.Subject == subject && e.Address == address && (e.BlockedUntilMs <= nowMs || e.LastAttemptMs <= forgetBeforeMs))
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(e => e.Attempts, e => e.LastAttemptMs <= forgetBeforeMs ? 1 : e.Attempts + 1)
                            .SetProperty(e => e.DelayMs, e => e.LastAttemptMs <= forgetBeforeMs ? afterFirstAttemptMs
                                : e.Attempts + 1 < free ? 0L
                                : e.DelayMs == 0L ? firstMs
                                : e.DelayMs * 2 >= maxMs ? maxMs
                                : e.DelayMs * 2)
                            .SetProperty(e => e.BlockedUntilMs, e => nowMs + (e.LastAttemptMs <= forgetBeforeMs ? afterFirstAttemptMs
                                : e.Attempts + 1 < free ? 0L
                                : e.DelayMs == 0L ? firstMs
                                : e.DelayMs * 2 >= maxMs ? maxMs
                                : e.DelayMs * 2))
                            .SetProperty(e => e.LastAttemptMs, nowMs),
                        token),
                cancellationToken);
            if (claimed > 0)
            {
                return null;
            }

            var blockedUntilMs = await db.SignInThrottle.AsNoTracking()
                .Where(e => e.Subject == subject && e.Address == address)
                .Select(e => (long?)e.BlockedUntilMs)
                .FirstOrDefaultAsync(cancellationToken);
            if (blockedUntilMs > nowMs)
            {
                return TimeSpan.FromMilliseconds(blockedUntilMs.Value - nowMs);
            }

            if (blockedUntilMs is null && await TryInsertFirstAttemptAsync(db, key, nowMs, afterFirstAttemptMs, cancellationToken))
            {
                return null;
            }

            // Another attempt of the pair inserted or changed the row in between: look again.
        }

        // Lost every round to other attempts of this very pair: it is being hammered, so refuse.
        return TimeSpan.FromMilliseconds(Math.Max(firstMs, 1000));
    }

    public async Task ForgetAsync(SignInThrottleKey key, CancellationToken cancellationToken)
    {
        var (subject, address) = (key.Subject, key.Address);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.ExecuteWriteAsync(
            token => db.SignInThrottle.Where(e => e.Subject == subject && e.Address == address).ExecuteDeleteAsync(token),
            cancellationToken);
    }

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var forgetBeforeMs = now.ToUnixTimeMilliseconds() - (long)TimeSpan.FromHours(options.Value.ForgetAfterHours).TotalMilliseconds;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.ExecuteWriteAsync(
            token => db.SignInThrottle.Where(e => e.LastAttemptMs <= forgetBeforeMs).ExecuteDeleteAsync(token),
            cancellationToken);
    }

    /// <summary>
    /// Inserts the pair's first attempt unless a row exists, without a key violation when two first
    /// attempts race (SQLite runs one writer at a time; SQL Server holds a key-range lock on the check).
    /// </summary>
    private static async Task<bool> TryInsertFirstAttemptAsync(ApplicationDbContext db, SignInThrottleKey key, long nowMs, long delayMs, CancellationToken cancellationToken)
    {
        var lockHint = db.Database.IsSqlServer() ? " WITH (UPDLOCK, HOLDLOCK)" : string.Empty;
        var sql = "INSERT INTO identity_signin_throttle (Subject, Address, Attempts, DelayMs, BlockedUntilMs, LastAttemptMs) "
                  + "SELECT {0}, {1}, 1, {2}, {3}, {4} "
                  + $"WHERE NOT EXISTS (SELECT 1 FROM identity_signin_throttle{lockHint} WHERE Subject = {{0}} AND Address = {{1}})";
        var inserted = await db.ExecuteWriteAsync(
            token => db.Database.ExecuteSqlRawAsync(sql, [key.Subject, key.Address, delayMs, nowMs + delayMs, nowMs], token),
            cancellationToken);
        return inserted > 0;
    }
}
