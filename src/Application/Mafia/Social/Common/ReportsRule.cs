using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Domain.Mafia.Social;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Mafia.Social.Common;

/// <summary>
/// The reports rule: once open reports against a player come from <c>Moderation:AutoRestrictAfterReports</c>
/// distinct co-players within a day, the server switches the player's chat off for
/// <c>Moderation:AutoRestrictHours</c> until a moderator looks (an interim <see cref="Restriction"/>, issued by
/// nobody, audited with a null actor). It is issued once: while it holds, further reports join it.
/// </summary>
public sealed class ReportsRule(
    IRepository<PlayerReport> reports,
    IRepository<Restriction> restrictions,
    IRepository<ModerationLogEntry> log,
    IOptions<ModerationOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>Applies the rule after <paramref name="filed"/> was added (unsaved); the caller saves.</summary>
    public async Task ApplyAsync(PlayerReport filed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filed);
        if (await restrictions.FirstOrDefaultAsync(new ActiveInterimRestrictionSpec(filed.ReportedUserId, now), cancellationToken) is { } held)
        {
            filed.LinkInterimRestriction(held.Id);
            return;
        }

        var open = await reports.ListAsync(new OpenReportsAgainstSinceSpec(filed.ReportedUserId, now - Window), cancellationToken);
        var counted = open.Where(r => r.Id != filed.Id).Append(filed).ToList();
        var reporters = counted.Select(r => r.ReporterId).Distinct().Count();
        if (reporters < options.Value.AutoRestrictAfterReports)
        {
            return;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"Reported by {reporters} players; chat is off until a moderator reviews the reports");
        var restriction = Restriction.Issue(filed.ReportedUserId, RestrictionType.Chat, reason, null, null, TimeSpan.FromHours(options.Value.AutoRestrictHours), now);
        await restrictions.AddAsync(restriction, cancellationToken);
        await log.AddAsync(ModerationLogEntry.Record(null, "restrict", filed.ReportedUserId, restriction.Id, "chat: " + reason, now), cancellationToken);
        foreach (var report in counted)
        {
            report.LinkInterimRestriction(restriction.Id);
        }
    }
}
