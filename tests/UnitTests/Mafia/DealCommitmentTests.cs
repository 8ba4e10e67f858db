using System.Security.Cryptography;
using System.Text;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.UnitTests.Mafia;

public sealed class DealCommitmentTests
{
    private static readonly DateTimeOffset Now = GameBuilder.Now;

    [Fact]
    public void The_seed_revealed_at_the_end_redoes_the_deal_seat_by_seat()
    {
        var game = GameBuilder.New(10).Build();
        game.ForceEnd(Team.Citizens, Now.AddMinutes(1));

        var revealed = Assert.Single(game.Events<GameEnded>()).DealSeed;
        var redone = DealShuffle.Deal(game.Settings.RolesFor(game.Players.Count), Convert.FromHexString(revealed));

        Assert.Equal(game.Players.OrderBy(p => p.Seat).Select(p => p.Role), redone);
    }

    [Fact]
    public void The_revealed_seed_is_the_seed_the_game_was_dealt_with_in_lower_case_hex()
    {
        var game = GameBuilder.New(10).WithSeed(GameBuilder.Seed(7)).Build();
        game.ForceEnd(Team.Mafia, Now.AddMinutes(1));

        var revealed = Assert.Single(game.Events<GameEnded>()).DealSeed;

        Assert.Equal(Convert.ToHexStringLower(GameBuilder.Seed(7)), revealed);
        Assert.Equal(game.DealSeed, revealed);
        Assert.Equal(DealShuffle.SeedBytes * 2, revealed.Length);
    }

    [Fact]
    public void The_commitment_published_at_the_start_matches_the_revealed_seed_and_the_dealt_roles()
    {
        var game = GameBuilder.New(10).Build();
        var published = game.DealCommitment;
        game.ForceEnd(Team.Citizens, Now.AddMinutes(1));

        var seed = Convert.FromHexString(Assert.Single(game.Events<GameEnded>()).DealSeed);
        var dealt = game.Players.OrderBy(p => p.Seat).Select(p => p.Role).ToArray();

        Assert.Equal(published, DealShuffle.Commitment(game.Id.ToString(), seed, dealt));
        Assert.Equal(published, game.DealCommitment);
    }

    [Fact]
    public void The_commitment_is_the_sha256_of_the_game_id_the_seed_and_the_roles_as_published()
    {
        // What any client does with the published recipe: "{game id}|{seed hex}|{roles in seat order}".
        var game = GameBuilder.New(8).Build();
        var roles = string.Join(',', game.Players.OrderBy(p => p.Seat).Select(p => WireName(p.Role)));

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{game.Id}|{game.DealSeed}|{roles}")));

        Assert.Equal(expected, game.DealCommitment);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(20)]
    public void The_shuffle_follows_the_published_Fisher_Yates_steps(int players)
    {
        var seed = GameBuilder.Seed(11);
        var canonical = GameSettings.Default.RolesFor(players);

        Assert.Equal(PublishedShuffle(canonical, seed), DealShuffle.Deal(canonical, seed));
    }

    [Fact]
    public void A_different_seed_gives_a_different_commitment()
    {
        var first = GameBuilder.New(8).WithSeed(GameBuilder.Seed(1)).Build();
        var second = GameBuilder.New(8).WithSeed(GameBuilder.Seed(2)).Build();

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.DealCommitment, second.DealCommitment);
    }

    [Fact]
    public void The_same_seed_in_another_game_gives_a_different_commitment()
    {
        var first = GameBuilder.New(8).Build();
        var second = GameBuilder.New(8).WithId(new Guid("5b7c2e41-8d3a-4f6b-a1c9-0e2d4f6a8b13")).Build();

        Assert.Equal(first.DealSeed, second.DealSeed);
        Assert.NotEqual(first.DealCommitment, second.DealCommitment);
    }

    [Fact]
    public void The_commitment_binds_the_seed_the_game_id_and_the_roles()
    {
        var roles = GameSettings.Default.RolesFor(8);
        var seed = GameBuilder.Seed(1);
        var commitment = DealShuffle.Commitment(GameBuilder.GameId.ToString(), seed, roles);

        Assert.NotEqual(commitment, DealShuffle.Commitment(GameBuilder.GameId.ToString(), GameBuilder.Seed(2), roles));
        Assert.NotEqual(commitment, DealShuffle.Commitment(GameBuilder.LobbyId.ToString(), seed, roles));
        Assert.NotEqual(commitment, DealShuffle.Commitment(GameBuilder.GameId.ToString(), seed, roles.Reverse()));
        Assert.Equal(commitment, DealShuffle.Commitment(GameBuilder.GameId.ToString(), GameBuilder.Seed(1), roles.ToArray()));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(20)]
    public void The_deal_is_a_permutation_of_the_canonical_roles(int players)
    {
        var canonical = GameSettings.Default.RolesFor(players);

        for (var salt = 1; salt <= 10; salt++)
        {
            var dealt = DealShuffle.Deal(canonical, GameBuilder.Seed(salt));

            Assert.Equal(canonical.Order(), dealt.Order());
        }
    }

    [Fact]
    public void Different_seeds_seat_the_roles_differently()
    {
        var canonical = GameSettings.Default.RolesFor(8);

        var deals = Enumerable.Range(1, 8)
            .Select(salt => string.Join(',', DealShuffle.Deal(canonical, GameBuilder.Seed(salt))))
            .Distinct()
            .ToList();

        Assert.True(deals.Count > 4, $"Only {deals.Count} different deals from 8 seeds.");
        Assert.DoesNotContain(string.Join(',', canonical), deals);
    }

    [Fact]
    public void The_same_seed_always_deals_the_same_way()
    {
        var first = GameBuilder.New(12).Build();
        var second = GameBuilder.New(12).Build();

        Assert.Equal(first.Players.Select(p => p.Role), second.Players.Select(p => p.Role));
        Assert.Equal(first.DealCommitment, second.DealCommitment);
    }

    /// <summary>The documented algorithm, written out independently of <see cref="DealShuffle"/>.</summary>
    private static Role[] PublishedShuffle(IReadOnlyList<Role> canonical, byte[] seed)
    {
        var roles = canonical.ToArray();
        for (var i = roles.Length - 1; i >= 1; i--)
        {
            var input = new byte[seed.Length + 4];
            seed.CopyTo(input, 0);
            input[seed.Length] = (byte)(i >> 24);
            input[seed.Length + 1] = (byte)(i >> 16);
            input[seed.Length + 2] = (byte)(i >> 8);
            input[seed.Length + 3] = (byte)i;
            var hash = SHA256.HashData(input);
            ulong value = 0;
            for (var k = 0; k < 8; k++)
            {
                value = (value << 8) | hash[k];
            }

            var j = (int)(value % (ulong)(i + 1));
            (roles[i], roles[j]) = (roles[j], roles[i]);
        }

        return roles;
    }

    private static string WireName(Role role) => role switch
    {
        Role.Mafia => "mafia",
        Role.Detective => "detective",
        Role.Doctor => "doctor",
        Role.Citizen => "citizen",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
