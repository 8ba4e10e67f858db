using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Mafia.Moderation;

/// <summary>
/// An account's standing (two indexed reads): a banned account (Identity's mark, which a moderation ban
/// sets and its lift clears) may do nothing, and the reason is the ban's; otherwise the restrictions in
/// force switch off their own surfaces.
/// </summary>
internal sealed class EfPlayerStanding(ApplicationDbContext db, IAccountDirectory accounts, IClock clock) : IPlayerStanding
{
    public async Task<PlayerStanding> OfAsync(long accountId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        if (await accounts.IsBannedAsync(accountId, cancellationToken))
        {
            var reason = await db.Set<Ban>().AsNoTracking()
                .Where(b => b.UserId == accountId && b.EndedAt == null)
                .OrderByDescending(b => b.IssuedAt)
                .Select(b => b.Reason)
                .FirstOrDefaultAsync(cancellationToken);
            return new PlayerStanding(false, false, false, false, reason is null ? "The account is banned." : "You are banned: " + reason);
        }

        var restricted = await db.Set<Restriction>().AsNoTracking()
            .Where(r => r.UserId == accountId && r.EndedAt == null && r.ExpiresAt > now)
            .Select(r => new { r.Type, r.Reason })
            .ToListAsync(cancellationToken);
        if (restricted.Count == 0)
        {
            return PlayerStanding.Clear;
        }

        bool Off(RestrictionType type) => restricted.Exists(r => r.Type == type);
        var first = restricted[0];
        return new PlayerStanding(true, !Off(RestrictionType.Voice), !Off(RestrictionType.Chat), !Off(RestrictionType.Gifts), $"Your {ModerationViews.NameOf(first.Type)} is restricted: {first.Reason}");
    }
}
