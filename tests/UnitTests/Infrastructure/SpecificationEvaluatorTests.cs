using Ardalis.Specification;
using CleanGames.Infrastructure.Persistence.Specifications;

namespace CleanGames.UnitTests.Infrastructure;

public sealed class SpecificationEvaluatorTests
{
    public sealed record Player(int Id, string Name, int Score, bool Alive, List<string> Tags);

    private static readonly IQueryable<Player> Players = new List<Player>
    {
        new(1, "ann", 30, true, ["a"]),
        new(2, "bob", 10, false, []),
        new(3, "cid", 30, true, []),
        new(4, "dan", 20, true, []),
        new(5, "eve", 50, false, []),
    }.AsQueryable();

    private sealed class AlivePlayersByScore : Specification<Player>
    {
        public AlivePlayersByScore(int? skip = null, int? take = null)
        {
            Query.Where(p => p.Alive);
            Query.OrderByDescending(p => p.Score).ThenBy(p => p.Name);
            if (skip is not null)
            {
                Query.Skip(skip.Value);
            }

            if (take is not null)
            {
                Query.Take(take.Value);
            }
        }
    }

    private sealed class NamesOfAlive : Specification<Player, string>
    {
        public NamesOfAlive()
        {
            Query.Where(p => p.Alive).Where(p => p.Score >= 30);
            Query.OrderBy(p => p.Id);
            Query.Select(p => p.Name.ToUpperInvariant());
        }
    }

    private sealed class WithTags : Specification<Player>
    {
        public WithTags() => Query.Include(p => p.Tags).AsNoTracking().AsSplitQuery();
    }

    [Fact]
    public void Filters_and_orders_with_then_by()
    {
        var result = SpecificationEvaluator.GetQuery(Players, new AlivePlayersByScore()).Select(p => p.Id).ToArray();
        Assert.Equal([1, 3, 4], result);
    }

    [Fact]
    public void Pages_after_ordering()
    {
        var result = SpecificationEvaluator.GetQuery(Players, new AlivePlayersByScore(skip: 1, take: 1)).Select(p => p.Id).ToArray();
        Assert.Equal([3], result);
    }

    [Fact]
    public void Criteria_only_ignores_paging_so_counts_see_every_match()
    {
        var count = SpecificationEvaluator.GetQuery(Players, new AlivePlayersByScore(skip: 1, take: 1), criteriaOnly: true).Count();
        Assert.Equal(3, count);
    }

    [Fact]
    public void Combines_several_where_clauses_and_projects()
    {
        var result = SpecificationEvaluator.GetQuery(Players, new NamesOfAlive()).ToArray();
        Assert.Equal(["ANN", "CID"], result);
    }

    [Fact]
    public void Includes_and_tracking_options_leave_a_non_ef_query_intact()
    {
        var result = SpecificationEvaluator.GetQuery(Players, new WithTags()).ToArray();
        Assert.Equal(5, result.Length);
    }

    [Fact]
    public void The_builder_records_what_the_evaluator_needs()
    {
        var spec = new AlivePlayersByScore(skip: 2, take: 3);
        Assert.Single(spec.WhereExpressions);
        Assert.Equal([OrderTypeEnum.OrderByDescending, OrderTypeEnum.ThenBy], spec.OrderExpressions.Select(o => o.OrderType));
        Assert.Equal(2, spec.Skip);
        Assert.Equal(3, spec.Take);

        var include = Assert.Single(new WithTags().IncludeExpressions);
        Assert.Equal(typeof(List<string>), include.LambdaExpression.ReturnType);
        Assert.Equal(IncludeTypeEnum.Include, include.Type);
    }

    [Fact]
    public void A_projecting_specification_without_a_selector_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => SpecificationEvaluator.GetQuery(Players, new NoSelector()));
    }

    [Fact]
    public void A_search_the_database_would_not_run_is_refused_rather_than_ignored()
    {
        Assert.Throws<NotSupportedException>(() => SpecificationEvaluator.GetQuery(Players, new NameSearch()).ToArray());
    }

    [Fact]
    public void Without_paging_every_match_is_returned()
    {
        var spec = new AlivePlayersByScore();
        Assert.True(spec.Skip <= 0 && spec.Take < 0, "an unpaged specification must not skip or take");
        Assert.Equal(3, SpecificationEvaluator.GetQuery(Players, spec).Count());
    }

    private sealed class NoSelector : Specification<Player, string>;

    private sealed class NameSearch : Specification<Player>
    {
        public NameSearch() => Query.Search(p => p.Name, "%an%");
    }
}
