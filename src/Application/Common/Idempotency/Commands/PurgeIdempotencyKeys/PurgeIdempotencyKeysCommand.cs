using CleanGames.Application.Common.Abstractions;
using MediatR;

namespace CleanGames.Application.Common.Idempotency.Commands.PurgeIdempotencyKeys;

/// <summary>Deletes one batch of expired idempotency keys; answers how many went (0 when none are left).</summary>
public sealed record PurgeIdempotencyKeysCommand : IRequest<int>;

public sealed class PurgeIdempotencyKeysCommandHandler(IIdempotencyStore store, IClock clock) : IRequestHandler<PurgeIdempotencyKeysCommand, int>
{
    private const int BatchSize = 500;

    public Task<int> Handle(PurgeIdempotencyKeysCommand request, CancellationToken cancellationToken) =>
        store.PurgeExpiredAsync(clock.UtcNow, BatchSize, cancellationToken);
}
