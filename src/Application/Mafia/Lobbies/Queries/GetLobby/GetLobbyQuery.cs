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
    public async Task<LobbyView> Handle(GetLobbyQuery request, CancellationToken cancellationToken)
    {
        var lobby = await lobbies.FirstOrDefaultAsync(new LobbyByIdOrCodeSpec(request.LobbyId), cancellationToken) ?? throw new DomainException(MafiaErrors.LobbyNotFound);
        var s = lobby.Settings;
        return new LobbyView(
            MafiaIds.Of(lobby.Id),
            lobby.InviteCode,
            lobby.Mode,
            lobby.MaxPlayers,
            lobby.Status switch { LobbyStatus.Open => "open", LobbyStatus.Started => "started", _ => "closed" },
            lobby.GameId is { } game ? MafiaIds.Of(game) : null,
            new LobbySettingsView(s.MafiaCount, s.WithDoctor, s.WithDetective, s.NightSeconds, s.DaySeconds, s.VotingSeconds),
            lobby.Members.Select(m => new LobbyMemberView(MafiaIds.Of(m.AccountId), m.Ready)).ToArray());
    }
}
