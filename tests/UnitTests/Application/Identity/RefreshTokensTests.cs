using CleanGames.Application.Identity.Common;

namespace CleanGames.UnitTests.Application.Identity;

public sealed class RefreshTokensTests
{
    [Fact]
    public void A_token_names_its_family_and_carries_256_random_bits()
    {
        var family = Guid.NewGuid();
        var (first, hash) = RefreshTokens.New(family);
        var (second, _) = RefreshTokens.New(family);

        Assert.Equal(64, first.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(family, RefreshTokens.FamilyOf(first));
        Assert.Equal(RefreshTokens.Hash(first), hash);
        Assert.Equal(64, hash.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nope")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    public void A_string_not_shaped_like_a_token_names_no_family(string presented) =>
        Assert.Null(RefreshTokens.FamilyOf(presented));

    [Fact]
    public void Only_the_token_it_was_sealed_under_opens_a_seal()
    {
        var (previous, _) = RefreshTokens.New(Guid.NewGuid());
        var (other, _) = RefreshTokens.New(Guid.NewGuid());
        var sealedToken = RefreshTokens.Seal("the-current-token", previous);

        Assert.DoesNotContain("the-current-token", sealedToken, StringComparison.Ordinal);
        Assert.Equal("the-current-token", RefreshTokens.Unseal(sealedToken, previous));
        Assert.Null(RefreshTokens.Unseal(sealedToken, other));
        Assert.Null(RefreshTokens.Unseal("not base64url!", previous));
        Assert.Null(RefreshTokens.Unseal(sealedToken[..^4] + "AAAA", previous));
    }

    [Fact]
    public void The_access_token_id_is_fixed_by_the_refresh_token()
    {
        var (_, a) = RefreshTokens.New(Guid.NewGuid());
        var (_, b) = RefreshTokens.New(Guid.NewGuid());

        Assert.Equal(RefreshTokens.AccessTokenId(a), RefreshTokens.AccessTokenId(a));
        Assert.NotEqual(RefreshTokens.AccessTokenId(a), RefreshTokens.AccessTokenId(b));
        Assert.Equal(32, RefreshTokens.AccessTokenId(a).Length);
    }
}
