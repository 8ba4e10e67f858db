using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;

namespace CleanGames.Application.Mafia.Matchmaking.Commands.JoinQueue;

/// <summary>
/// Seed 000 <c>POST /api/matchmaking/queue/join?mode&amp;languages</c> → <c>{"status": "queued"}</c>. A
/// player barred from playing is refused (403, the reason); one at a table (a game or a lobby) is a 409.
/// Joining again while waiting changes the mode and languages and keeps the place. The matcher runs
/// once the entry is saved.
/// </summary>
[AuthorizeRequest]
public sealed record JoinQueueCommand(string? Mode, IReadOnlyList<string>? Languages) : IRequest<QueueJoined>, IRateLimitedRequest, ICallerLockedRequest
{
    /// <summary>A player's queue changes (join, leave) run one at a time per player on this instance.</summary>
    public const string LockScope = "mafia.queue";

    public string RateBucket => MafiaRateBuckets.Lobby;

    public string CallerLockScope => LockScope;
}

/// <summary><c>status</c> is <c>queued</c>: <c>match_found</c> comes on the notifications socket and hub.</summary>
public sealed record QueueJoined(string Status);

public sealed class JoinQueueCommandHandler(
    IRepository<QueueEntry> queue,
    SeatGuard seats,
    IPlayerStanding standing,
    ICurrentUser user,
    IClock clock) : IRequestHandler<JoinQueueCommand, QueueJoined>
{
    public const string Queued = "queued";

    public async Task<QueueJoined> Handle(JoinQueueCommand request, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId!.Value;
        if (await standing.OfAsync(accountId, cancellationToken) is { CanPlay: false } refused)
        {
            throw new DomainException(MafiaErrors.Restricted(refused.Reason!));
        }

        if (await seats.BusyAsync(accountId, null, cancellationToken) is { } busy)
        {
            throw new DomainException(busy);
        }

        var languages = request.Languages!;
        if (await queue.FirstOrDefaultAsync(new WaitingEntryOfSpec(accountId), cancellationToken) is { } waiting)
        {
            waiting.Rejoin(request.Mode!, languages);
        }
        else
        {
            await queue.AddAsync(QueueEntry.Join(Guid.NewGuid(), accountId, request.Mode!, languages, clock.UtcNow), cancellationToken);
        }

        try
        {
            await queue.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException exception)
        {
            // Another join of the same player (on another instance) saved its entry first: run again, as a re-join of that entry.
            throw new ConcurrencyConflictException(exception);
        }

        return new QueueJoined(Queued);
    }
}
