using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Common;
using MediatR;

namespace CleanGames.Application.Identity.Commands.PurgeSignInThrottle;

/// <summary>
/// Deletes the sign-in throttle's pairs that have been quiet for the forget window (they would start
/// again with their free failures anyway), so the table holds recent attempts only. Safe to run twice.
/// </summary>
public sealed record PurgeSignInThrottleCommand : IRequest<int>;

public sealed class PurgeSignInThrottleCommandHandler(ISignInThrottle throttle, IClock clock) : IRequestHandler<PurgeSignInThrottleCommand, int>
{
    public Task<int> Handle(PurgeSignInThrottleCommand request, CancellationToken cancellationToken) =>
        throttle.PurgeAsync(clock.UtcNow, cancellationToken);
}
