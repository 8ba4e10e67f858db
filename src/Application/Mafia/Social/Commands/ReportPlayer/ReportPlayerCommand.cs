using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Social;
using MediatR;

namespace CleanGames.Application.Mafia.Social.Commands.ReportPlayer;

/// <summary>
/// Seed 000 <c>POST /api/social/report {reported_user, reason, game_id, evidence?}</c>: a player reports
/// a co-player of a game (running or ended), once per pair and game. Reports from several distinct
/// co-players within a day switch the reported player's chat off until a moderator looks
/// (<see cref="ReportsRule"/>). Answers the report.
/// </summary>
[AuthorizeRequest]
public sealed record ReportPlayerCommand(string? ReportedUser, string? Reason, string? GameId, string? Evidence) : IRequest<PlayerReportView>, ICallerLockedRequest
{
    public const string LockScope = "social.report";

    public string CallerLockScope => LockScope;

    /// <summary>Reports against one player are counted one at a time (on this instance), so the reports rule issues its restriction once.</summary>
    public IEnumerable<string> AlsoLockedKeys => MafiaIds.Account(ReportedUser) is { } reported
        ? ["social.reported:" + reported.ToString(CultureInfo.InvariantCulture)]
        : [];
}

public sealed class ReportPlayerCommandHandler(
    IRepository<PlayerReport> reports,
    IReadRepository<Game> games,
    IAccountDirectory accounts,
    ReportsRule rule,
    ICurrentUser user,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<ReportPlayerCommand, PlayerReportView>
{
    public async Task<PlayerReportView> Handle(ReportPlayerCommand request, CancellationToken cancellationToken)
    {
        var (caller, reported, table) = await SocialTables.ResolveAsync(user, accounts, games, request.ReportedUser, request.GameId, cancellationToken);
        var now = clock.UtcNow;
        var report = PlayerReport.File(table, caller, reported, request.Reason!, request.Evidence, now);
        if (await reports.AnyAsync(new ReportOfSpec(table.GameId, caller, reported), cancellationToken))
        {
            throw new DomainException(SocialErrors.AlreadyReported);
        }

        await reports.AddAsync(report, cancellationToken);
        await rule.ApplyAsync(report, now, cancellationToken);
        await SocialTables.SaveOnceAsync(unitOfWork, SocialErrors.AlreadyReported, cancellationToken);

        return SocialViews.For(report);
    }
}
