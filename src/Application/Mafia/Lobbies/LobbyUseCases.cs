using System.Security.Cryptography;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies;

/// <summary>Lobby <c>settings</c> on the wire; absent values take the defaults.</summary>
public sealed record LobbySettingsInput(int? MafiaCount = null, bool? WithDoctor = null, bool? WithDetective = null, int? NightSeconds = null, int? DaySeconds = null, int? VotingSeconds = null)
{
    public GameSettings ToSettings()
    {
        var defaults = GameSettings.Default;
        return new GameSettings(MafiaCount, WithDoctor, WithDetective, NightSeconds ?? defaults.NightSeconds, DaySeconds ?? defaults.DaySeconds, VotingSeconds ?? defaults.VotingSeconds);
    }
}

/// <summary>Whether an account may join games (a ban stops it; the moderation module will add more).</summary>
public interface IPlayerStanding
{
    Task<bool> MayPlayAsync(long accountId, CancellationToken cancellationToken);
}

/// <summary>Creates a lobby; the caller is its first member. Seed: <c>{"invite_code"}</c>, plus <c>lobby_id</c>.</summary>
[AuthorizeRequest]
public sealed record CreateLobbyCommand(string? Mode, int? MaxPlayers, LobbySettingsInput? Settings) : IRequest<LobbyCreated>;

public sealed record LobbyCreated(string InviteCode, string LobbyId);

public sealed class CreateLobbyCommandValidator : AbstractValidator<CreateLobbyCommand>
{
    public CreateLobbyCommandValidator()
    {
        RuleFor(c => c.Mode).MaximumLength(32);
        RuleFor(c => c.MaxPlayers).InclusiveBetween(GameSettings.MinPlayers, GameSettings.MaxPlayers).When(c => c.MaxPlayers is not null);
        When(c => c.Settings is not null, () =>
        {
            RuleFor(c => c.Settings!.NightSeconds).InclusiveBetween(GameSettings.MinPhaseSeconds, GameSettings.MaxPhaseSeconds).When(c => c.Settings!.NightSeconds is not null);
            RuleFor(c => c.Settings!.DaySeconds).InclusiveBetween(GameSettings.MinPhaseSeconds, GameSettings.MaxPhaseSeconds).When(c => c.Settings!.DaySeconds is not null);
            RuleFor(c => c.Settings!.VotingSeconds).InclusiveBetween(GameSettings.MinPhaseSeconds, GameSettings.MaxPhaseSeconds).When(c => c.Settings!.VotingSeconds is not null);
            RuleFor(c => c.Settings!.MafiaCount).GreaterThanOrEqualTo(1)
                .Must((c, mafia) => mafia * 2 < (c.MaxPlayers ?? GameSettings.MaxPlayers))
                .WithMessage("mafia_count must be fewer than half the players")
                .When(c => c.Settings!.MafiaCount is not null);
        });
    }
}

/// <summary>Makes sure the caller may take a seat: not banned, not in another unfinished game or lobby.</summary>
public sealed class SeatGuard(IReadRepository<Game> games, IReadRepository<Lobby> lobbies, IPlayerStanding standing)
{
    public async Task EnsureFreeAsync(long accountId, Guid? exceptLobby, CancellationToken cancellationToken)
    {
        if (!await standing.MayPlayAsync(accountId, cancellationToken))
        {
            throw new DomainException(MafiaErrors.Banned);
        }

        if (await games.AnyAsync(new UnfinishedGameOfPlayerSpec(accountId), cancellationToken))
        {
            throw new DomainException(MafiaErrors.InUnfinishedGame);
        }

        var lobby = await lobbies.FirstOrDefaultAsync(new OpenLobbyOfMemberSpec(accountId, exceptLobby), cancellationToken);
        if (lobby is not null)
        {
            throw new DomainException(MafiaErrors.InAnotherLobby);
        }
    }

    /// <summary>
    /// Saves a lobby the caller just took a seat in. The check above reads before this write, so two
    /// joins racing into two lobbies can both pass it; the store's one-seat index then refuses the
    /// second save, which is answered as the check would have answered it.
    /// </summary>
    public async Task SaveTakingSeatAsync(IRepository<Lobby> lobbies, long accountId, Guid? lobbyId, CancellationToken cancellationToken)
    {
        try
        {
            await lobbies.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            await EnsureFreeAsync(accountId, lobbyId, cancellationToken);
            throw;
        }
    }
}

public sealed class CreateLobbyCommandHandler(IRepository<Lobby> lobbies, SeatGuard seats, ICurrentUser user, IClock clock) : IRequestHandler<CreateLobbyCommand, LobbyCreated>
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<LobbyCreated> Handle(CreateLobbyCommand request, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId!.Value;
        await seats.EnsureFreeAsync(accountId, null, cancellationToken);
        var lobby = Lobby.Create(
            Guid.NewGuid(),
            RandomNumberGenerator.GetString(CodeAlphabet, Lobby.InviteCodeLength),
            request.Mode ?? "classic",
            request.MaxPlayers ?? GameSettings.MaxPlayers,
            (request.Settings ?? new LobbySettingsInput()).ToSettings(),
            accountId,
            clock.UtcNow);
        await lobbies.AddAsync(lobby, cancellationToken);
        await seats.SaveTakingSeatAsync(lobbies, accountId, null, cancellationToken);
        return new LobbyCreated(lobby.InviteCode, MafiaIds.Of(lobby.Id));
    }
}

/// <summary>Joins by invite code: 404 unknown code; 409 full, started, or the caller busy elsewhere.</summary>
[AuthorizeRequest]
public sealed record JoinLobbyCommand(string InviteCode) : IRequest<MafiaSuccess>;

public sealed class JoinLobbyCommandHandler(IRepository<Lobby> lobbies, SeatGuard seats, ICurrentUser user, IClock clock) : IRequestHandler<JoinLobbyCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(JoinLobbyCommand request, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId!.Value;
        var lobby = await lobbies.FirstOrDefaultAsync(new LobbyByIdOrCodeSpec(request.InviteCode), cancellationToken) ?? throw new DomainException(MafiaErrors.LobbyNotFound);
        await seats.EnsureFreeAsync(accountId, lobby.Id, cancellationToken);
        lobby.Join(accountId, clock.UtcNow);

        await seats.SaveTakingSeatAsync(lobbies, accountId, lobby.Id, cancellationToken);
        return new MafiaSuccess();
    }
}

/// <summary>
/// Marks the caller ready (the lobby id or its invite code). When every member is ready and there
/// are at least four, the game starts in the same save: roles are dealt from a cryptographic seed.
/// </summary>
[AuthorizeRequest]
public sealed record MarkLobbyReadyCommand(string LobbyId) : IRequest<MafiaSuccess>;

public sealed class MarkLobbyReadyCommandHandler(IRepository<Lobby> lobbies, LobbyTable table)
    : IRequestHandler<MarkLobbyReadyCommand, MafiaSuccess>
{
    public Task<MafiaSuccess> Handle(MarkLobbyReadyCommand request, CancellationToken cancellationToken) =>
        table.ChangeAsync(request.LobbyId, (lobby, accountId) => lobby.MarkReady(accountId), lobbies, cancellationToken);
}

/// <summary>
/// Takes the caller out of a lobby whose game has not started (the lobby id or its invite code).
/// If everyone left is then ready and there are at least four, the game starts.
/// </summary>
[AuthorizeRequest]
public sealed record LeaveLobbyCommand(string LobbyId) : IRequest<MafiaSuccess>;

public sealed class LeaveLobbyCommandHandler(IRepository<Lobby> lobbies, LobbyTable table) : IRequestHandler<LeaveLobbyCommand, MafiaSuccess>
{
    public Task<MafiaSuccess> Handle(LeaveLobbyCommand request, CancellationToken cancellationToken) =>
        table.ChangeAsync(request.LobbyId, (lobby, accountId) => lobby.Leave(accountId), lobbies, cancellationToken);
}

/// <summary>
/// What a member's change to a lobby shares: the lobby is found (404), the caller must be in it
/// (403), a started one is a 409, and when the change leaves the table ready the game starts in
/// the same save, its roles dealt from a cryptographic seed.
/// </summary>
public sealed class LobbyTable(IRepository<Game> games, ICurrentUser user, IClock clock)
{
    public async Task<MafiaSuccess> ChangeAsync(string lobbyIdOrCode, Func<Lobby, long, bool> change, IRepository<Lobby> lobbies, CancellationToken cancellationToken)
    {
        var lobby = await lobbies.FirstOrDefaultAsync(new LobbyByIdOrCodeSpec(lobbyIdOrCode), cancellationToken) ?? throw new DomainException(MafiaErrors.LobbyNotFound);
        var accountId = user.AccountId!.Value;
        if (!lobby.IsMember(accountId))
        {
            throw new DomainException(LobbyErrors.NotAMember);
        }

        if (change(lobby, accountId))
        {
            var gameId = Guid.NewGuid();
            var seats = lobby.StartGame(gameId);
            var game = Game.Start(gameId, lobby.Id, lobby.Mode, lobby.Settings, seats, RandomNumberGenerator.GetBytes(DealShuffle.SeedBytes), clock.UtcNow);
            await games.AddAsync(game, cancellationToken);
        }

        await lobbies.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }
}

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

/// <summary>Seed <c>POST /api/game/create</c> (deprecated): makes a lobby of that size and points at its join route.</summary>
[AuthorizeRequest]
public sealed record CreateGameCommand(int PlayerCount, string? Mode, LobbySettingsInput? Settings) : IRequest<DeprecatedCreateResult>;

public sealed record DeprecatedCreateResult(string Message, string Redirect);

public sealed class CreateGameCommandValidator : AbstractValidator<CreateGameCommand>
{
    public CreateGameCommandValidator() =>
        RuleFor(c => c.PlayerCount).InclusiveBetween(GameSettings.MinPlayers, GameSettings.MaxPlayers);
}

public sealed class CreateGameCommandHandler(IMediator mediator) : IRequestHandler<CreateGameCommand, DeprecatedCreateResult>
{
    public async Task<DeprecatedCreateResult> Handle(CreateGameCommand request, CancellationToken cancellationToken)
    {
        var lobby = await mediator.Send(new CreateLobbyCommand(request.Mode, request.PlayerCount, request.Settings), cancellationToken);
        return new DeprecatedCreateResult(
            "Deprecated: games are made through matchmaking lobbies. A lobby was created; share its invite code.",
            "/api/matchmaking/lobby/join/" + lobby.InviteCode);
    }
}
