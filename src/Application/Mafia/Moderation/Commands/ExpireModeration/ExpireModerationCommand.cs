using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Commands.ExpireModeration;

/// <summary>
/// The expiry job's step: ends up to <paramref name="Take"/> bans and as many restrictions whose time
/// has come (a deadline passed while the server was down included), with an audit line each; an
/// account whose last active ban ended is unbanned in the same save. Safe to run twice and on several
/// instances (the version token lets one save win). Answers how many it ended.
/// </summary>
public sealed record ExpireModerationCommand(int Take) : IRequest<int>;

public sealed class ExpireModerationCommandHandler(
    IRepository<Ban> bans,
    IRepository<Restriction> restrictions,
    IRepository<ModerationLogEntry> log,
    IAccountBans accountBans,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<ExpireModerationCommand, int>
{
    public async Task<int> Handle(ExpireModerationCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var ended = 0;
        foreach (var ban in await bans.ListAsync(new DueBansSpec(now, request.Take), cancellationToken))
        {
            if (ban.Expire(now))
            {
                ended++;
                await log.AddAsync(ModerationLogEntry.Record(null, "ban_expired", ban.UserId, ban.Id, null, now), cancellationToken);
                if (!await bans.AnyAsync(new ActiveBansOfSpec(ban.UserId, now), cancellationToken))
                {
                    await accountBans.UnbanAsync(ban.UserId, cancellationToken);
                }
            }
        }

        foreach (var restriction in await restrictions.ListAsync(new DueRestrictionsSpec(now, request.Take), cancellationToken))
        {
            if (restriction.Expire(now))
            {
                ended++;
                await log.AddAsync(ModerationLogEntry.Record(null, "restriction_expired", restriction.UserId, restriction.Id, ModerationViews.NameOf(restriction.Type), now), cancellationToken);
            }
        }

        if (ended > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return ended;
    }
}
