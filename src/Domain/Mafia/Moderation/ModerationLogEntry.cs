using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Moderation;

/// <summary>
/// One line of the moderation audit log: who did what to whom, and when. Written in the same save as
/// the action; never changed. <see cref="ActorId"/> is null for the server's own actions (expiries).
/// </summary>
public sealed class ModerationLogEntry : AggregateRoot<Guid>
{
    public const int MaxDetailLength = 500;

    private ModerationLogEntry()
    {
        Action = string.Empty;
    }

    public long? ActorId { get; private set; }

    /// <summary><c>ban</c>, <c>ban_expired</c>, <c>appeal</c>, <c>appeal_approved</c>, <c>appeal_rejected</c>, <c>restrict</c>, <c>restriction_lifted</c>, <c>restriction_expired</c>, <c>warn</c>, <c>report_upheld</c>, <c>report_rejected</c>.</summary>
    public string Action { get; private set; }

    public long TargetUserId { get; private set; }

    /// <summary>The ban, restriction, warning or report the action concerns.</summary>
    public Guid SubjectId { get; private set; }

    public string? Detail { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static ModerationLogEntry Record(long? actorId, string action, long targetUserId, Guid subjectId, string? detail, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ActorId = actorId,
        Action = action,
        TargetUserId = targetUserId,
        SubjectId = subjectId,
        Detail = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail,
        At = now,
    };
}
