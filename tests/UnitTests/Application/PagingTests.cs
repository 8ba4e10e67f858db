using CleanGames.Application.Novels.Bookmarks.Queries.ListBookmarks;
using CleanGames.Application.Novels.Catalogue.Queries.ListNovels;
using CleanGames.Application.Novels.Chapters.Queries.ListChapters;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.BotAnalytics.Records.Queries.ListPayments;
using CleanGames.Application.BotAnalytics.Records.Queries.ListSubscriptions;
using CleanGames.Application.BotAnalytics.Records.Queries.ListUsers;
using System.Reflection;
using System.Runtime.CompilerServices;
using Ardalis.Specification;
using AutoMapper;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Identity.Queries.GetRoleAudit;
using CleanGames.Application.Identity.Queries.SearchAccounts;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;
using CleanGames.Application.Mafia.Games.Queries.ListActiveGames;
using CleanGames.Domain.Kitchen.Sessions;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CleanGames.UnitTests.Application;

public sealed class PagingTests
{
    private static readonly Assembly Application = typeof(CleanGames.Application.DependencyInjection).Assembly;

    [Theory]
    [InlineData(0, 20, 0, false, false)]
    [InlineData(1, 20, 1, false, false)]
    [InlineData(21, 20, 2, true, false)]
    [InlineData(40, 20, 2, true, false)]
    public void Page_counts_follow_the_total(long total, int size, int pages, bool hasNext, bool hasPrevious)
    {
        var page = new PagedList<int>([], 1, size, total);
        Assert.Equal(pages, page.TotalPages);
        Assert.Equal(hasNext, page.HasNext);
        Assert.Equal(hasPrevious, page.HasPrevious);
    }

    [Fact]
    public void A_page_request_reaches_at_most_the_end_of_the_window()
    {
        var first = new PageRequest(null, null);
        Assert.Equal((1, PageRequest.DefaultPageSize, 0, PageRequest.DefaultPageSize), (first.Page, first.PageSize, first.Skip, first.End));
        Assert.Equal(40, new PageRequest(3, 20).Skip);

        var last = new PageRequest(PageRequest.LastPage(100), 100);
        Assert.Equal(100, last.Page);
        Assert.Equal(9_900, last.Skip);
        Assert.Equal(PageRequest.MaxWindow, last.End);
        Assert.Equal(3_333, PageRequest.LastPage(3));

        Assert.True(last.StartsAfter(9_900));
        Assert.False(last.StartsAfter(9_901));
    }

    [Theory]
    [InlineData(21_474_837, 100)]
    [InlineData(int.MaxValue, 1)]
    [InlineData(101, 100)]
    [InlineData(501, null)]
    [InlineData(0, 20)]
    [InlineData(-3, 20)]
    [InlineData(1, 0)]
    [InlineData(1, 101)]
    public void A_page_outside_the_window_is_never_made(int page, int? size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRequest(page, size));
    }

    [Theory]
    [InlineData(21_474_837, 100, "Page")]
    [InlineData(int.MaxValue, 100, "Page")]
    [InlineData(int.MaxValue, null, "Page")]
    [InlineData(101, 100, "Page")]
    [InlineData(501, null, "Page")]
    [InlineData(3_334, 3, "Page")]
    [InlineData(0, null, "Page")]
    [InlineData(int.MinValue, 100, "Page")]
    [InlineData(1, 0, "PerPage")]
    [InlineData(1, 101, "PerPage")]
    [InlineData(1, int.MaxValue, "PerPage")]
    [InlineData(1, int.MinValue, "PerPage")]
    public void The_page_rule_refuses_what_lies_outside_the_window(int? page, int? perPage, string field)
    {
        var failure = Assert.Single(new PageRequestValidator().Validate(new ListActiveGamesQuery(page, perPage)).Errors);
        Assert.Equal(field, failure.PropertyName);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(1, 1)]
    [InlineData(100, 100)]
    [InlineData(500, null)]
    [InlineData(10_000, 1)]
    [InlineData(3_333, 3)]
    public void The_page_rule_accepts_every_page_inside_the_window(int? page, int? perPage)
    {
        Assert.True(new PageRequestValidator().Validate(new ListActiveGamesQuery(page, perPage)).IsValid);
        _ = new PageRequest(page, perPage);
    }

    private static readonly HashSet<Type> WithoutWindow = [typeof(ListNovelsQuery), typeof(ListChaptersQuery), typeof(ListBookmarksQuery)];

    [Fact]
    public void Novels_lists_take_any_page_from_1_and_limits_of_1_to_100_as_contract_1_says()
    {
        var validator = new NovelsPageValidator();
        Assert.True(validator.Validate(new ListChaptersQuery("s", null, 21_474_837, 100, null, null)).IsValid);
        Assert.Equal("Page", Assert.Single(validator.Validate(new ListChaptersQuery("s", null, 0, 20, null, null)).Errors).PropertyName);
        Assert.Equal("limit", Assert.Single(validator.Validate(new ListChaptersQuery("s", null, 1, 101, null, null)).Errors).PropertyName);
        var deep = new NovelsPage(21_474_837, 100);
        Assert.True(deep.StartsAfter(10_000));
        Assert.Equal(2_147_483_600L, deep.Skip);
    }

    [Fact]
    public void Every_paged_request_is_validated_by_the_page_rule()
    {
        var paged = Application.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IPagedRequest).IsAssignableFrom(t)).ToList();
        Assert.Superset(
            new HashSet<Type> { typeof(GetKitchenLeaderboardQuery), typeof(ListActiveGamesQuery), typeof(SearchAccountsQuery), typeof(GetRoleAuditQuery), typeof(ListUsersQuery), typeof(ListPaymentsQuery), typeof(ListSubscriptionsQuery) },
            paged.ToHashSet());

        // Novels' lists follow contract §1 instead: any page ≥ 1, a page past the end empty (NovelsPage).
        foreach (var type in paged.Where(t => !WithoutWindow.Contains(t)))
        {
            var validators = Application.GetTypes()
                .Where(t => !t.IsAbstract && typeof(IValidator<>).MakeGenericType(type).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .Select(t => (FluentValidation.IValidator)Activator.CreateInstance(t)!)
                .ToList();
            var request = RuntimeHelpers.GetUninitializedObject(type);
            type.GetProperty(nameof(IPagedRequest.Page))!.SetValue(request, 21_474_837);
            type.GetProperty(nameof(IPagedRequest.PerPage))!.SetValue(request, 100);

            var failures = validators.SelectMany(v => v.Validate(new ValidationContext<object>(request)).Errors).ToList();
            Assert.True(failures.Any(f => f.PropertyName == nameof(IPagedRequest.Page)), $"{type.Name} takes a page past the window: its validator should include {nameof(PageRequestValidator)}");
        }
    }

    [Fact]
    public async Task A_leaderboard_page_past_the_last_session_counts_and_reads_nothing_else()
    {
        var sessions = new Mock<IReadRepository<KitchenSession>>();
        sessions.Setup(s => s.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(250);
        var store = new Mock<IKitchenSessionStore>();
        var accounts = new Mock<IAccountDirectory>();

        var page = await new GetKitchenLeaderboardQueryHandler(store.Object, sessions.Object, accounts.Object)
            .Handle(new GetKitchenLeaderboardQuery(100, 100), default);

        Assert.Empty(page.Items);
        Assert.Equal((100, 100, 250L), (page.Page, page.PageSize, page.TotalCount));
        sessions.Verify(s => s.ListAsync(It.IsAny<ISpecification<KitchenSession, KitchenStanding>>(), It.IsAny<CancellationToken>()), Times.Never);
        store.Verify(s => s.UnwrittenStandings(), Times.Never);
        accounts.Verify(a => a.PublicNamesAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_leaderboard_page_reads_the_ranking_only_down_to_its_own_last_row()
    {
        var sessions = new Mock<IReadRepository<KitchenSession>>();
        sessions.Setup(s => s.CountAsync(It.IsAny<CancellationToken>())).ReturnsAsync(1_000_000);
        ISpecification<KitchenSession, KitchenStanding>? read = null;
        sessions.Setup(s => s.ListAsync(It.IsAny<ISpecification<KitchenSession, KitchenStanding>>(), It.IsAny<CancellationToken>()))
            .Callback((ISpecification<KitchenSession, KitchenStanding> spec, CancellationToken _) => read = spec)
            .ReturnsAsync([]);
        var store = new Mock<IKitchenSessionStore>();
        store.Setup(s => s.UnwrittenStandings()).Returns([]);
        var accounts = new Mock<IAccountDirectory>();
        accounts.Setup(a => a.PublicNamesAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<long, string>());

        await new GetKitchenLeaderboardQueryHandler(store.Object, sessions.Object, accounts.Object)
            .Handle(new GetKitchenLeaderboardQuery(100, 100), default);

        Assert.Equal(PageRequest.MaxWindow, read!.Take);
    }

    [Fact]
    public async Task An_active_games_page_past_the_last_game_counts_and_reads_nothing_else()
    {
        var mapping = new MapperConfiguration(cfg => cfg.AddMaps(Application), NullLoggerFactory.Instance);
        var games = new Mock<IReadRepository<Game>>();
        games.Setup(g => g.CountAsync(It.IsAny<ISpecification<Game>>(), It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await new ListActiveGamesQueryHandler(games.Object, mapping.CreateMapper())
            .Handle(new ListActiveGamesQuery(2, 3), default);

        Assert.Empty(result.Games);
        Assert.Equal((3L, 2, 3), (result.Total, result.Page, result.PerPage));
        games.Verify(g => g.ListAsync(It.IsAny<ISpecification<Game, ActiveGameSummary>>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
