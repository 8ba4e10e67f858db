using CleanGames.Domain.Identity.Sessions;
using CleanGames.Domain.Identity.Sessions.Events;

namespace CleanGames.UnitTests.Domain;

public sealed class RefreshTokenFamilyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromDays(14);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private static RefreshTokenFamily Family() => RefreshTokenFamily.Start(Guid.NewGuid(), 7, "A", Now, TimeSpan.FromDays(30));

    private static RefreshOutcome Refresh(RefreshTokenFamily family, string presented, string successor, DateTimeOffset at) =>
        family.Refresh(presented, successor, "sealed-" + successor, at, Idle, Grace);

    [Fact]
    public void Rotating_makes_the_successor_current_and_the_presented_token_the_previous_one()
    {
        var family = Family();

        Assert.Equal(RefreshOutcome.Rotated, Refresh(family, "A", "B", Now.AddHours(1)));
        Assert.Equal(RefreshOutcome.Rotated, Refresh(family, "B", "C", Now.AddHours(2)));

        Assert.Equal("C", family.CurrentTokenHash);
        Assert.Equal("B", family.PreviousTokenHash);
        Assert.Equal(Now.AddHours(2), family.CurrentIssuedAt);
        Assert.Equal("sealed-C", family.SealedCurrentToken);
    }

    [Fact]
    public void However_often_it_rotates_a_family_keeps_two_hashes()
    {
        var family = Family();
        var current = "A";
        for (var i = 0; i < 500; i++)
        {
            var next = "T" + i;
            Assert.Equal(RefreshOutcome.Rotated, Refresh(family, current, next, Now.AddMinutes(i)));
            current = next;
        }

        var hashes = typeof(RefreshTokenFamily).GetProperties().Where(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Hash", StringComparison.Ordinal));
        Assert.Equal(["CurrentTokenHash", "PreviousTokenHash"], hashes.Select(p => p.Name).Order());
        Assert.Equal("T499", family.CurrentTokenHash);
        Assert.Equal("T498", family.PreviousTokenHash);
    }

    [Fact]
    public void The_previous_token_within_the_grace_window_is_a_replay_that_changes_nothing()
    {
        var family = Family();
        Refresh(family, "A", "B", Now);

        Assert.Equal(RefreshOutcome.Replayed, Refresh(family, "A", "X", Now.AddMilliseconds(50)));
        Assert.Equal(RefreshOutcome.Replayed, Refresh(family, "A", "Y", Now.AddSeconds(4.9)));

        Assert.Equal("B", family.CurrentTokenHash);
        Assert.Equal("sealed-B", family.SealedCurrentToken);
        Assert.Null(family.RevokedAt);
        Assert.Equal(RefreshOutcome.Rotated, Refresh(family, "B", "C", Now.AddSeconds(6)));
    }

    [Fact]
    public void The_previous_token_after_the_grace_window_revokes_the_whole_family()
    {
        var family = Family();
        Refresh(family, "A", "B", Now);

        Assert.Equal(RefreshOutcome.ReuseDetected, Refresh(family, "A", "X", Now + Grace));

        Assert.Equal(RefreshTokenFamily.ReuseDetectedReason, family.RevocationReason);
        var revoked = Assert.IsType<RefreshFamilyRevoked>(Assert.Single(family.DomainEvents));
        Assert.Equal((family.Id, 7L, "reuse_detected"), (revoked.FamilyId, revoked.AccountId, revoked.Reason));
        Assert.Equal(RefreshOutcome.Expired, Refresh(family, "B", "Y", Now.AddMinutes(3)));
    }

    [Fact]
    public void Without_a_grace_window_the_previous_token_always_revokes()
    {
        var family = Family();
        Refresh(family, "A", "B", Now);

        Assert.Equal(RefreshOutcome.ReuseDetected, family.Refresh("A", "X", "sealed-X", Now, Idle, TimeSpan.Zero));
    }

    [Fact]
    public void An_older_token_coming_back_revokes_the_family_once()
    {
        var family = Family();
        Refresh(family, "A", "B", Now);
        Refresh(family, "B", "C", Now.AddMinutes(1));

        Assert.True(family.RevokeForReuse(Now.AddMinutes(2)));
        Assert.False(family.RevokeForReuse(Now.AddMinutes(3)));

        Assert.Equal(Now.AddMinutes(2), family.RevokedAt);
        Assert.Null(family.SealedCurrentToken);
        Assert.Single(family.DomainEvents);
    }

    [Fact]
    public void A_family_unused_for_the_idle_limit_expires()
    {
        var family = Family();
        Assert.Equal(RefreshOutcome.Expired, Refresh(family, "A", "B", Now + Idle));
        Assert.Equal("A", family.CurrentTokenHash);
    }

    [Fact]
    public void No_family_outlives_its_absolute_lifetime_however_often_it_is_used()
    {
        var family = Family();
        var current = "A";
        for (var day = 1; day < 30; day++)
        {
            var next = "T" + day;
            Assert.Equal(RefreshOutcome.Rotated, Refresh(family, current, next, Now.AddDays(day)));
            current = next;
        }

        Assert.Equal(RefreshOutcome.Expired, Refresh(family, current, "late", Now.AddDays(30)));
    }

    [Fact]
    public void A_revoked_family_refuses_its_current_token_and_its_previous_one()
    {
        var family = Family();
        Refresh(family, "A", "B", Now);
        family.Revoke(Now, RefreshTokenFamily.LogoutReason);

        Assert.Equal(RefreshOutcome.Expired, Refresh(family, "B", "C", Now.AddSeconds(1)));
        Assert.Equal(RefreshOutcome.ReuseDetected, Refresh(family, "A", "C", Now.AddSeconds(1)));
        Assert.Equal(RefreshTokenFamily.LogoutReason, family.RevocationReason);
    }
}
