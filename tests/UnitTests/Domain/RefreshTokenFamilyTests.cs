using CleanGames.Domain.Identity.Sessions;

namespace CleanGames.UnitTests.Domain;

public sealed class RefreshTokenFamilyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromDays(14);

    private static RefreshTokenFamily Family() => RefreshTokenFamily.Start(7, "A", Now, TimeSpan.FromDays(30));

    [Fact]
    public void Rotating_uses_up_the_presented_token_and_makes_the_successor_current()
    {
        var family = Family();

        Assert.Equal(RefreshOutcome.Rotated, family.Rotate("A", "B", Now.AddHours(1), Idle));
        Assert.Equal(RefreshOutcome.Rotated, family.Rotate("B", "C", Now.AddHours(2), Idle));
        Assert.NotNull(family.Tokens.Single(t => t.Hash == "A").UsedAt);
        Assert.Null(family.Tokens.Single(t => t.Hash == "C").UsedAt);
    }

    [Fact]
    public void Presenting_a_used_token_revokes_the_whole_family()
    {
        var family = Family();
        family.Rotate("A", "B", Now.AddMinutes(1), Idle);

        Assert.Equal(RefreshOutcome.ReuseDetected, family.Rotate("A", "X", Now.AddMinutes(2), Idle));
        Assert.Equal("reuse_detected", family.RevocationReason);
        Assert.Equal(RefreshOutcome.Expired, family.Rotate("B", "Y", Now.AddMinutes(3), Idle));
    }

    [Fact]
    public void A_family_unused_for_the_idle_limit_expires()
    {
        var family = Family();
        Assert.Equal(RefreshOutcome.Expired, family.Rotate("A", "B", Now + Idle, Idle));
        Assert.Null(family.Tokens.Single().UsedAt);
    }

    [Fact]
    public void No_family_outlives_its_absolute_lifetime_however_often_it_is_used()
    {
        var family = Family();
        var current = "A";
        var at = Now;
        for (var day = 1; day < 30; day++)
        {
            at = Now.AddDays(day);
            var next = "T" + day;
            Assert.Equal(RefreshOutcome.Rotated, family.Rotate(current, next, at, Idle));
            current = next;
        }

        Assert.Equal(RefreshOutcome.Expired, family.Rotate(current, "late", Now.AddDays(30), Idle));
    }

    [Fact]
    public void A_revoked_family_refuses_its_current_token()
    {
        var family = Family();
        family.Revoke(Now, "logout");
        Assert.Equal(RefreshOutcome.Expired, family.Rotate("A", "B", Now.AddMinutes(1), Idle));
    }
}
