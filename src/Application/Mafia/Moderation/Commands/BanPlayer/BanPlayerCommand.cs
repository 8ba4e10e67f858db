using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using CleanGames.Domain.Mafia.Matchmaking;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Commands.BanPlayer;

/// <summary>
/// Seed 000 <c>POST /api/moderation/admin/ban {user_id, duration_hours?, reason, evidence?}</c> (admin or
/// moderator; no duration: permanent). In one save: the ban, the account marked banned (no sign-in or
/// refresh until it ends), the player out of the matchmaking queue and their open lobby (a table left ready starts), out of their
/// running game (<c>eliminated</c>, reason <c>banned</c>), and the audit line. After the save their
/// connections close. Answers the <c>Ban</c>.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed record BanPlayerCommand(string? UserId, int? DurationHours, string? Reason, string? Evidence) : IRequest<BanView>
{
    /// <summary>The longest temporary ban: ten years (longer is what permanent is for).</summary>
    public const int MaxDurationHours = 87_600;
}

public sealed class BanPlayerCommandHandler(
    ModerationTargets targets,
    IRepository<Ban> bans,
    IRepository<ModerationLogEntry> log,
    IRepository<Lobby> lobbies,
    IRepository<Game> games,
    IRepository<QueueEntry> queue,
    IAccountBans accountBans,
    LobbyTable table,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<BanPlayerCommand, BanView>
{
    public async Task<BanView> Handle(BanPlayerCommand request, CancellationToken cancellationToken)
    {
        var (actor, target) = await targets.ResolveAsync(request.UserId, cancellationToken);
        var now = clock.UtcNow;
        var ban = Ban.Issue(target, actor, request.Reason!, request.Evidence, request.DurationHours is { } hours ? TimeSpan.FromHours(hours) : null, now);
        await bans.AddAsync(ban, cancellationToken);
        await log.AddAsync(ModerationLogEntry.Record(actor, "ban", target, ban.Id, request.Reason, now), cancellationToken);
        await accountBans.BanAsync(target, cancellationToken);

        if (await queue.FirstOrDefaultAsync(new WaitingEntryOfSpec(target), cancellationToken) is { } waiting)
        {
            waiting.Remove(now);
        }

        if (await lobbies.FirstOrDefaultAsync(new OpenLobbyOfMemberSpec(target), cancellationToken) is { } lobby && lobby.Leave(target))
        {
            await table.StartAsync(lobby, games, now, cancellationToken);
        }

        if (await games.FirstOrDefaultAsync(new UnfinishedGameOfPlayerSpec(target), cancellationToken) is { } game)
        {
            game.RemoveBanned(target, now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return ModerationViews.For(ban);
    }
}
