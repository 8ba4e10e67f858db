using CleanGames.Application.Common.Abstractions;
using Ardalis.Specification;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Sessions;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Identity.Commands.PurgeExpiredSessions;

/// <summary>
/// Deletes refresh-token families that can never be used again (past their absolute lifetime,
/// idle too long, or revoked), a batch at a time. Safe to run twice or concurrently: a family
/// deleted by another run is simply gone.
/// </summary>
public sealed record PurgeExpiredSessionsCommand(int BatchSize = 500) : IRequest<int>;

public sealed class DeadFamiliesSpec : Specification<RefreshTokenFamily>
{
    public DeadFamiliesSpec(DateTimeOffset now, TimeSpan idleLimit, int take)
    {
        var idleSince = now - idleLimit;
        Query.Where(f => f.ExpiresAt <= now || f.LastUsedAt <= idleSince || f.RevokedAt != null)
            .OrderBy(f => f.LastUsedAt);
        Query.Take(take);
    }
}

public sealed class PurgeExpiredSessionsCommandHandler(IRepository<RefreshTokenFamily> families, IClock clock, IOptions<SessionOptions> options)
    : IRequestHandler<PurgeExpiredSessionsCommand, int>
{
    public async Task<int> Handle(PurgeExpiredSessionsCommand request, CancellationToken cancellationToken)
    {
        var dead = await families.ListAsync(
            new DeadFamiliesSpec(clock.UtcNow, TimeSpan.FromDays(options.Value.RefreshIdleDays), Math.Clamp(request.BatchSize, 1, 5000)),
            cancellationToken);
        foreach (var family in dead)
        {
            families.Delete(family);
        }

        if (dead.Count > 0)
        {
            await families.SaveChangesAsync(cancellationToken);
        }

        return dead.Count;
    }
}
