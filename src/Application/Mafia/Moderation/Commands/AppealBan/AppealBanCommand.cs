using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Commands.AppealBan;

/// <summary>
/// Seed 000 <c>POST /api/moderation/appeal {appeal_text}</c>: the banned caller appeals the ban that
/// holds them (the one ending last); one open appeal at a time (409), not banned → 409. Answers the
/// ban with <c>appeal_status: "pending"</c>.
/// </summary>
[AuthorizeRequest]
public sealed record AppealBanCommand(string? AppealText) : IRequest<BanView>;

public sealed class AppealBanCommandHandler(
    IRepository<Ban> bans,
    IRepository<ModerationLogEntry> log,
    ICurrentUser user,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<AppealBanCommand, BanView>
{
    public async Task<BanView> Handle(AppealBanCommand request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId!.Value;
        var now = clock.UtcNow;
        var ban = await bans.FirstOrDefaultAsync(new ActiveBansOfSpec(caller, now), cancellationToken) ?? throw new DomainException(ModerationErrors.NotBanned);
        ban.Appeal(request.AppealText!, now);
        await log.AddAsync(ModerationLogEntry.Record(caller, "appeal", caller, ban.Id, request.AppealText, now), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return ModerationViews.For(ban);
    }
}
