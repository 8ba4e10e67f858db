using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;

namespace CleanGames.Application.Mafia.Matchmaking.Commands.LeaveQueue;

/// <summary>Seed 000 <c>POST /api/matchmaking/queue/leave</c> → <c>{"success"}</c>: true when the caller was waiting and now is not; false when there was nothing to leave (never queued, or already matched).</summary>
[AuthorizeRequest]
public sealed record LeaveQueueCommand : IRequest<MafiaSuccess>, IRateLimitedRequest, ICallerLockedRequest
{
    public string RateBucket => MafiaRateBuckets.Lobby;

    public string CallerLockScope => JoinQueue.JoinQueueCommand.LockScope;
}

public sealed class LeaveQueueCommandHandler(IRepository<QueueEntry> queue, ICurrentUser user, IClock clock) : IRequestHandler<LeaveQueueCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(LeaveQueueCommand request, CancellationToken cancellationToken)
    {
        if (await queue.FirstOrDefaultAsync(new WaitingEntryOfSpec(user.AccountId!.Value), cancellationToken) is not { } waiting)
        {
            return new MafiaSuccess(false);
        }

        waiting.Leave(clock.UtcNow);
        await queue.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }
}
