using AutoMapper;
using CleanGames.Application.Mafia.Games.Queries.GetHistory;
using CleanGames.Application.Mafia.Games.Queries.GetPlayers;
using CleanGames.Application.Mafia.Games.Queries.ListActiveGames;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Infrastructure.Persistence.Specifications;
using CleanGames.UnitTests.Mafia;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanGames.UnitTests.Application;

/// <summary>The AutoMapper profiles are valid, and the read specifications project what the wire shows.</summary>
public sealed class MappingTests
{
    // AutoMapper 15+ takes a logger factory (it logs the licence notice through it).
    private static readonly MapperConfiguration Configuration = new(
        cfg => cfg.AddMaps(typeof(CleanGames.Application.DependencyInjection).Assembly),
        NullLoggerFactory.Instance);

    [Fact]
    public void Every_profile_maps_every_member_of_what_it_produces()
    {
        Configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void An_active_game_is_projected_to_its_summary_as_the_wire_shows_it()
    {
        var running = GameBuilder.New(5).Build();
        running.MafiaKills(running.MafiaId(), running.CitizenIds()[0]);
        running.EndOnTime();
        var ended = GameBuilder.New(4).WithId(Guid.Parse("11111111-2222-3333-4444-555555555555")).Build();
        ended.ForceEnd(Team.Mafia, GameBuilder.Now);

        var summaries = SpecificationEvaluator.GetQuery(new[] { running, ended }.AsQueryable(), new ActiveGamesSpec(Configuration, skip: 0, take: 20)).ToList();

        var summary = Assert.Single(summaries);
        Assert.Equal(
            new ActiveGameSummary("9a3c6b10-7d4e-4f21-9b8a-2c5d7e6f8a91", "classic", "day", 1, 5, 4, "2026-11-23T20:00:00.000000Z"),
            summary);
    }

    [Fact]
    public void The_roster_projection_reads_the_seats_in_seat_order()
    {
        var game = GameBuilder.New(5).Build();

        var roster = Assert.Single(SpecificationEvaluator.GetQuery(new[] { game }.AsQueryable(), new GameRosterSpec(game.Id)).ToList());

        Assert.Equal(game.Players.OrderBy(p => p.Seat).Select(p => (p.AccountId, p.Role)), roster.Seats.Select(s => (s.AccountId, s.Role)));
        Assert.Equal(Role.Mafia, roster.RoleOf(game.MafiaId()));
        Assert.Null(roster.RoleOf(GameBuilder.Outsider));
    }

    [Fact]
    public void The_history_projection_reads_the_asked_day_and_the_callers_role()
    {
        var game = GameBuilder.New(5).Build();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]);
        game.EndOnTime();

        var log = Assert.Single(SpecificationEvaluator.GetQuery(new[] { game }.AsQueryable(), new GameLogSpec(game.Id, game.DoctorId(), day: 1)).ToList());

        Assert.Equal(Role.Doctor, log.CallerRole);
        Assert.Equal(game.History.Where(e => e.Day == 1).OrderBy(e => e.Sequence), log.Entries);
        Assert.Empty(SpecificationEvaluator.GetQuery(new[] { game }.AsQueryable(), new GameLogSpec(game.Id, game.DoctorId(), day: 7)).Single().Entries);
        Assert.Null(SpecificationEvaluator.GetQuery(new[] { game }.AsQueryable(), new GameLogSpec(game.Id, GameBuilder.Outsider, day: null)).Single().CallerRole);
    }
}
