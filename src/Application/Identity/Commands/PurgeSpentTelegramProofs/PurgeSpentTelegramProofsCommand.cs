using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Identity.TelegramProofs;
using MediatR;

namespace CleanGames.Application.Identity.Commands.PurgeSpentTelegramProofs;

/// <summary>
/// Forgets spent Telegram proofs whose <c>auth_date</c> is too old to be accepted anyway, a batch
/// at a time, so the table holds about one maximum age of sign-ins. Safe to run twice or
/// concurrently: a row deleted by another run is simply gone.
/// </summary>
public sealed record PurgeSpentTelegramProofsCommand(int BatchSize = 500) : IRequest<int>;

public sealed class ExpiredTelegramProofsSpec : Specification<SpentTelegramProof>
{
    public ExpiredTelegramProofsSpec(DateTimeOffset now, int take)
    {
        Query.Where(p => p.ExpiresAt <= now).OrderBy(p => p.ExpiresAt);
        Query.Take(take);
    }
}

public sealed class PurgeSpentTelegramProofsCommandHandler(IRepository<SpentTelegramProof> proofs, IClock clock)
    : IRequestHandler<PurgeSpentTelegramProofsCommand, int>
{
    public async Task<int> Handle(PurgeSpentTelegramProofsCommand request, CancellationToken cancellationToken)
    {
        var expired = await proofs.ListAsync(new ExpiredTelegramProofsSpec(clock.UtcNow, Math.Clamp(request.BatchSize, 1, 5000)), cancellationToken);
        foreach (var proof in expired)
        {
            proofs.Delete(proof);
        }

        if (expired.Count > 0)
        {
            await proofs.SaveChangesAsync(cancellationToken);
        }

        return expired.Count;
    }
}
