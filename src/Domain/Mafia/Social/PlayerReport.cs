using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Social;

/// <summary>Where a report stands in the moderators' queue.</summary>
public enum ReportStatus
{
    Open,
    Upheld,
    Rejected,
}

/// <summary>
/// A player's complaint about a co-player of one game (running or ended), once per pair and game. Open
/// until a moderator upholds or rejects it. <see cref="InterimRestrictionId"/> is the automatic chat
/// restriction this report helped cause, if any.
/// </summary>
public sealed class PlayerReport : AggregateRoot<Guid>
{
    public const int MaxReasonLength = 500;
    public const int MaxEvidenceLength = 2000;
    public const int MaxNoteLength = 1000;

    private PlayerReport()
    {
        Reason = string.Empty;
    }

    public long ReporterId { get; private set; }

    public long ReportedUserId { get; private set; }

    public Guid GameId { get; private set; }

    public string Reason { get; private set; }

    public string? Evidence { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public ReportStatus Status { get; private set; }

    public Guid? InterimRestrictionId { get; private set; }

    public long? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    public static PlayerReport File(SharedTable table, long reporterId, long reportedUserId, string reason, string? evidence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (reporterId == reportedUserId)
        {
            throw new DomainException(SocialErrors.ReportSelf);
        }

        table.EnsureCoPlayers(reporterId, reportedUserId);
        return new PlayerReport
        {
            Id = Guid.CreateVersion7(now),
            ReporterId = reporterId,
            ReportedUserId = reportedUserId,
            GameId = table.GameId,
            Reason = reason,
            Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence,
            ReportedAt = now,
            Status = ReportStatus.Open,
        };
    }

    /// <summary>A moderator upholds or rejects the open report, with a note.</summary>
    public void Resolve(bool uphold, long moderatorId, string note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (Status != ReportStatus.Open)
        {
            throw new DomainException(SocialErrors.ReportResolved);
        }

        Status = uphold ? ReportStatus.Upheld : ReportStatus.Rejected;
        ResolvedBy = moderatorId;
        ResolvedAt = now;
        ResolutionNote = note.Length > MaxNoteLength ? note[..MaxNoteLength] : note;
        MarkChanged();
    }

    /// <summary>The report counted towards the interim restriction <paramref name="restrictionId"/>.</summary>
    public void LinkInterimRestriction(Guid restrictionId)
    {
        if (InterimRestrictionId is null)
        {
            InterimRestrictionId = restrictionId;
            MarkChanged();
        }
    }
}
