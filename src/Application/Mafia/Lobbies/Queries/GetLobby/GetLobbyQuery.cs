using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Lobbies;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Queries.GetLobby;

[AuthorizeRequest]
public sealed record GetLobbyQuery(string LobbyId) : IRequest<LobbyView>;

public sealed record LobbyMemberView(string UserId, bool Ready);

public sealed record LobbyView(string LobbyId, string InviteCode, string Mode, int MaxPlayers, string Status, string? GameId, LobbySettingsView Settings, IReadOnlyList<LobbyMemberView> Members);

public sealed record LobbySettingsView(int? MafiaCount, bool? WithDoctor, bool? WithDetective, int NightSeconds, int DaySeconds, int VotingSeconds);

public sealed class GetLobbyQueryHandler(IReadRepository<Lobby> lobbies) : IRequestHandler<GetLobbyQuery, LobbyView>
{
    public async Task<LobbyView> Handle(GetLobbyQuery request, CancellationToken cancellationToken) =>
        await lobbies.FirstOrDefaultAsync(new LobbyViewSpec(request.LobbyId), cancellationToken) ?? throw new DomainException(MafiaErrors.LobbyNotFound);
}

/// <summary>The lobby's view, projected in the database (the aggregate is not loaded for a read).</summary>
public sealed class LobbyViewSpec : Specification<Lobby, LobbyView>
{
    public LobbyViewSpec(string idOrCode)
    {
        Query.Where(LobbyByIdOrCodeSpec.IdOrCode(idOrCode)).AsNoTracking();
        Query.Select(l => new LobbyView(
            MafiaIds.Of(l.Id),
            l.InviteCode,
            l.Mode,
            l.MaxPlayers,
            StatusName(l.Status),
            l.GameId == null ? null : MafiaIds.Of(l.GameId.Value),
            new LobbySettingsView(l.Settings.MafiaCount, l.Settings.WithDoctor, l.Settings.WithDetective, l.Settings.NightSeconds, l.Settings.DaySeconds, l.Settings.VotingSeconds),
            l.Members.Select(m => new LobbyMemberView(MafiaIds.Of(m.AccountId), m.Ready)).ToArray()));
    }

    private static string StatusName(LobbyStatus status) => status switch
    {
        LobbyStatus.Open => "open",
        LobbyStatus.Started => "started",
        _ => "closed",
    };
}
