using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Games;

/// <summary>A success with nothing else to say: <c>{"success": true}</c>.</summary>
public sealed record MafiaSuccess(bool Success = true);

/// <summary>Loads a game the caller may look at: a player, or an admin.</summary>
public sealed class GameAccess(IRepository<Game> games, ICurrentUser user)
{
    public IRepository<Game> Games { get; } = games;

    public long CallerId => user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);

    /// <param name="forReading">True for a query that changes nothing (the game is not tracked).</param>
    public async Task<Game> LoadAsync(string? gameId, CancellationToken cancellationToken, bool allowAdmin = true, bool forReading = false)
    {
        var id = MafiaIds.Game(gameId);
        var game = await Games.FirstOrDefaultAsync(new GameByIdSpec(id, forReading), cancellationToken) ?? throw new DomainException(MafiaErrors.GameNotFound);
        if (!game.IsPlayer(CallerId) && !(allowAdmin && user.IsInRole(Roles.Admin)))
        {
            throw new DomainException(GameErrors.NotAPlayer);
        }

        return game;
    }
}

[AuthorizeRequest]
public sealed record GetGameStateQuery(string GameId) : IRequest<GameStateView>;

public sealed class GetGameStateQueryHandler(GameAccess access, IClock clock) : IRequestHandler<GetGameStateQuery, GameStateView>
{
    public async Task<GameStateView> Handle(GetGameStateQuery request, CancellationToken cancellationToken) =>
        GameViews.State(await access.LoadAsync(request.GameId, cancellationToken), access.CallerId, clock.UtcNow);
}

/// <summary>A vote (a null target skips); racing votes on one game all succeed (retried on a fresh game).</summary>
[AuthorizeRequest]
public sealed record CastVoteCommand(string GameId, string? TargetId) : IRequest<MafiaSuccess>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class CastVoteCommandHandler(GameAccess access, IClock clock) : IRequestHandler<CastVoteCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(CastVoteCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken, allowAdmin: false);
        long? target = request.TargetId is null ? null : MafiaIds.Account(request.TargetId) ?? throw new DomainException(GameErrors.TargetNotInGame);
        game.CastVote(access.CallerId, target, clock.UtcNow);
        await access.Games.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }
}

[AuthorizeRequest]
public sealed record SubmitNightActionCommand(string GameId, string Action, string TargetId) : IRequest<MafiaSuccess>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class SubmitNightActionCommandHandler(GameAccess access, IClock clock) : IRequestHandler<SubmitNightActionCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(SubmitNightActionCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken, allowAdmin: false);
        var action = GameViews.ParseAction(request.Action) ?? throw new DomainException(GameErrors.UnknownAction);
        var target = MafiaIds.Account(request.TargetId) ?? throw new DomainException(GameErrors.TargetNotInGame);
        game.SubmitNightAction(access.CallerId, action, target, clock.UtcNow);
        await access.Games.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }
}

/// <summary>Admin: ends the current phase now, resolved as at its deadline.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record AdvancePhaseCommand(string GameId) : IRequest<GameStateView>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class AdvancePhaseCommandHandler(GameAccess access, IClock clock, IServerRun run) : IRequestHandler<AdvancePhaseCommand, GameStateView>
{
    public async Task<GameStateView> Handle(AdvancePhaseCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken);
        if (game.IsOver)
        {
            throw new DomainException(GameErrors.GameOver);
        }

        var now = clock.UtcNow;
        game.EndPhase(game.PhaseNumber, now, run.StartedAt);
        await access.Games.SaveChangesAsync(cancellationToken);
        return GameViews.State(game, access.CallerId, now);
    }
}

/// <summary>Admin: ends the game with the given winner (<c>mafia</c> or <c>citizens</c>).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record EndGameCommand(string GameId, string? WinnerTeam) : IRequest<GameStateView>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class EndGameCommandValidator : AbstractValidator<EndGameCommand>
{
    public EndGameCommandValidator()
    {
        RuleFor(c => c.WinnerTeam).NotEmpty().Must(w => w is "mafia" or "citizens").WithMessage("winner_team must be mafia or citizens");
    }
}

public sealed class EndGameCommandHandler(GameAccess access, IClock clock) : IRequestHandler<EndGameCommand, GameStateView>
{
    public async Task<GameStateView> Handle(EndGameCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken);
        var now = clock.UtcNow;
        game.ForceEnd(request.WinnerTeam == "mafia" ? Team.Mafia : Team.Citizens, now);
        await access.Games.SaveChangesAsync(cancellationToken);
        return GameViews.State(game, access.CallerId, now);
    }
}

/// <summary>Seed <c>{"players": [PlayerInfo]}</c>; a role filter only matches roles the caller may see.</summary>
[AuthorizeRequest]
public sealed record GetPlayersQuery(string GameId, string? Role) : IRequest<PlayersResult>;

public sealed record PlayersResult(IReadOnlyList<PlayerInfoView> Players);

public sealed class GetPlayersQueryHandler(GameAccess access) : IRequestHandler<GetPlayersQuery, PlayersResult>
{
    public async Task<PlayersResult> Handle(GetPlayersQuery request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken);
        var role = request.Role is null ? null : GameViews.ParseRole(request.Role);
        var players = game.Players
            .Where(p => request.Role is null || (role == p.Role && game.IsRoleVisible(access.CallerId, p)))
            .OrderBy(p => p.Seat)
            .Select(p => GameViews.Player(game, p, access.CallerId))
            .ToArray();
        return new PlayersResult(players);
    }
}

/// <summary>Seed <c>{"game_id", "actions": [GameAction]}</c>, hiding night actions the caller may not see yet.</summary>
[AuthorizeRequest]
public sealed record GetHistoryQuery(string GameId, int? Day) : IRequest<HistoryResult>;

public sealed record HistoryResult(string GameId, IReadOnlyList<GameActionView> Actions);

public sealed class GetHistoryQueryHandler(GameAccess access) : IRequestHandler<GetHistoryQuery, HistoryResult>
{
    public async Task<HistoryResult> Handle(GetHistoryQuery request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(request.GameId, cancellationToken);
        var actions = game.History
            .Where(e => (request.Day is null || e.Day == request.Day) && game.IsVisible(access.CallerId, e))
            .OrderBy(e => e.Sequence)
            .Select(GameViews.Action)
            .ToArray();
        return new HistoryResult(MafiaIds.Of(game.Id), actions);
    }
}

/// <summary>Seed <c>GameListResponse</c>: unfinished games, newest first.</summary>
[AuthorizeRequest]
public sealed record ListActiveGamesQuery(int? Page, int? PerPage) : IRequest<GameListResult>;

public sealed record ActiveGameSummary(string GameId, string Mode, string Phase, int DayCount, int PlayersCount, int AliveCount, string StartedAt);

public sealed record GameListResult(IReadOnlyList<ActiveGameSummary> Games, long Total, int Page, int PerPage);

public sealed class ListActiveGamesQueryValidator : AbstractValidator<ListActiveGamesQuery>
{
    public ListActiveGamesQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null);
        RuleFor(q => q.PerPage).InclusiveBetween(1, PageRequest.MaxPageSize).When(q => q.PerPage is not null);
    }
}

public sealed class ListActiveGamesQueryHandler(IReadRepository<Game> games) : IRequestHandler<ListActiveGamesQuery, GameListResult>
{
    public async Task<GameListResult> Handle(ListActiveGamesQuery request, CancellationToken cancellationToken)
    {
        var page = new PageRequest(request.Page, request.PerPage);
        var total = await games.CountAsync(new ActiveGamesSpec(0, 0), cancellationToken);
        var list = await games.ListAsync(new ActiveGamesSpec(page.Skip, page.PageSize), cancellationToken);
        var summaries = list.Select(g => new ActiveGameSummary(
            MafiaIds.Of(g.Id), g.Mode, GameViews.Name(g.Phase), g.DayCount, g.Players.Count, g.Players.Count(p => p.IsAlive), GameViews.Timestamp(g.StartedAt))).ToArray();
        return new GameListResult(summaries, total, page.Page, page.PageSize);
    }
}

/// <summary>Seed <c>{"active_game": id | null}</c>: the caller's unfinished game.</summary>
[AuthorizeRequest]
public sealed record GetMyGameQuery : IRequest<MyGameResult>;

public sealed record MyGameResult(string? ActiveGame);

public sealed class GetMyGameQueryHandler(IReadRepository<Game> games, ICurrentUser user) : IRequestHandler<GetMyGameQuery, MyGameResult>
{
    public async Task<MyGameResult> Handle(GetMyGameQuery request, CancellationToken cancellationToken)
    {
        var game = await games.FirstOrDefaultAsync(new UnfinishedGameOfPlayerSpec(user.AccountId!.Value), cancellationToken);
        return new MyGameResult(game is null ? null : MafiaIds.Of(game.Id));
    }
}

/// <summary>
/// A phase deadline (sent by the deadline job): ends phase <see cref="PhaseNumber"/> unless the game
/// has moved on. A deadline acted on more than a second late never counts against idle players.
/// </summary>
public sealed record EndPhaseCommand(Guid GameId, int PhaseNumber) : IRequest<bool>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(MafiaIds.Of(GameId));
}

public sealed class EndPhaseCommandHandler(IRepository<Game> games, IClock clock, IServerRun run) : IRequestHandler<EndPhaseCommand, bool>
{
    public async Task<bool> Handle(EndPhaseCommand request, CancellationToken cancellationToken)
    {
        var game = await games.FirstOrDefaultAsync(new GameByIdSpec(request.GameId), cancellationToken);
        if (game is null)
        {
            return false;
        }

        // The trigger firing is the deadline; the clock only measures how late it fired.
        if (!game.EndPhase(request.PhaseNumber, clock.UtcNow, run.StartedAt))
        {
            return false;
        }

        await games.SaveChangesAsync(cancellationToken);
        return true;
    }
}
