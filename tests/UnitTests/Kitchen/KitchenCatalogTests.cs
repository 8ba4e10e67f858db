using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.UnitTests.Kitchen;

public sealed class KitchenCatalogTests
{
    [Fact]
    public void The_test_catalogue_is_a_valid_one()
    {
        var catalog = KitchenCatalogBuilder.Default();

        Assert.Equal(5, catalog.TopRank);
        Assert.Equal(5, catalog.Upgrades.Count);
        Assert.Equal(2, catalog.Locations.Count);
    }

    [Fact]
    public void Ranks_with_a_gap_are_rejected()
    {
        var builder = new KitchenCatalogBuilder().WithRankDefinitions(new RankDefinition(1, 10), new RankDefinition(2, 20), new RankDefinition(4, null));

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void Ranks_that_do_not_start_at_one_are_rejected()
    {
        var builder = new KitchenCatalogBuilder().WithRankDefinitions(new RankDefinition(2, 10), new RankDefinition(3, null));

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void Ranks_without_a_top_rank_are_rejected()
    {
        var builder = new KitchenCatalogBuilder().WithRanks(10, 20, 30);

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void A_rank_below_the_top_without_xp_to_next_is_rejected()
    {
        var builder = new KitchenCatalogBuilder().WithRanks(10, null, 30, null);

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void A_catalogue_without_ranks_is_rejected()
    {
        var builder = new KitchenCatalogBuilder().WithRanks();

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void A_catalogue_without_a_location_open_at_rank_one_is_rejected()
    {
        var builder = new KitchenCatalogBuilder().WithLocations(new LocationDefinition("truck", "Food truck", 2, 1.5m), new LocationDefinition("restaurant", "Restaurant", 3, 2m));

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void A_catalogue_without_locations_is_rejected()
    {
        var builder = new KitchenCatalogBuilder().WithLocations();

        Assert.Throws<ArgumentException>(() => builder.Build());
    }

    [Fact]
    public void A_single_top_rank_is_a_valid_ladder()
    {
        var catalog = new KitchenCatalogBuilder().WithRanks((long?)null).Build();

        Assert.Equal(1, catalog.TopRank);
        Assert.Null(catalog.XpToNext(1));
    }

    [Fact]
    public void Ranks_given_out_of_order_are_sorted()
    {
        var catalog = new KitchenCatalogBuilder()
            .WithRankDefinitions(new RankDefinition(3, null), new RankDefinition(1, 10), new RankDefinition(2, 20))
            .Build();

        Assert.Equal(new[] { 1, 2, 3 }, catalog.Ranks.Select(r => r.Rank));
        Assert.Equal(20, catalog.XpToNext(2));
    }

    [Fact]
    public void The_location_for_a_rank_is_the_best_one_it_has_unlocked()
    {
        var catalog = new KitchenCatalogBuilder()
            .WithLocations(
                new LocationDefinition("restaurant", "Restaurant", 4, 3m),
                new LocationDefinition("stall", "Street stall", 1, 1m),
                new LocationDefinition("truck", "Food truck", 2, 1.5m))
            .Build();

        Assert.Equal("stall", catalog.LocationFor(1).Id);
        Assert.Equal("truck", catalog.LocationFor(2).Id);
        Assert.Equal("truck", catalog.LocationFor(3).Id);
        Assert.Equal("restaurant", catalog.LocationFor(4).Id);
        Assert.Equal("restaurant", catalog.LocationFor(5).Id);
    }

    [Fact]
    public void Xp_to_next_is_what_each_rank_needs_and_nothing_at_or_beyond_the_top()
    {
        var catalog = KitchenCatalogBuilder.Default();

        Assert.Equal(10, catalog.XpToNext(1));
        Assert.Equal(20, catalog.XpToNext(2));
        Assert.Equal(40, catalog.XpToNext(4));
        Assert.Null(catalog.XpToNext(5));
        Assert.Null(catalog.XpToNext(6));
        Assert.Null(catalog.XpToNext(0));
    }

    [Fact]
    public void Upgrades_are_found_by_id_and_listed_in_sort_order()
    {
        var catalog = KitchenCatalogBuilder.Default();

        Assert.Equal("knife", catalog.FindUpgrade(KitchenCatalogBuilder.Knife)?.Code);
        Assert.Null(catalog.FindUpgrade("knife"));
        Assert.Null(catalog.FindUpgrade("999"));
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, catalog.Upgrades.Select(u => u.Id));
    }

    [Fact]
    public void Rules_with_a_zero_dish_price_are_rejected()
    {
        var rules = KitchenCatalogBuilder.Rules with { BaseDishPriceMilli = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => new KitchenCatalog(rules, KitchenCatalogBuilder.Upgrades(), [new RankDefinition(1, null)], [new LocationDefinition("stall", "Street stall", 1, 1m)]));
    }
}
