using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Moderation;

namespace CleanGames.UnitTests.Mafia;

public sealed class ModerationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_temporary_ban_holds_until_its_time_and_expires_once()
    {
        var ban = Ban.Issue(7, 1, "abuse", null, TimeSpan.FromHours(2), Now);

        Assert.Equal(new PlayerBanned(ban.Id, 7, Now.AddHours(2)), Assert.Single(ban.DomainEvents));
        Assert.False(ban.IsPermanent);
        Assert.True(ban.IsActiveAt(Now.AddHours(2).AddTicks(-1)));
        Assert.False(ban.IsActiveAt(Now.AddHours(2)));
        Assert.False(ban.Expire(Now.AddHours(1)));
        Assert.True(ban.Expire(Now.AddHours(3)));
        Assert.Equal((Now.AddHours(2), BanEnd.Expired), (ban.EndedAt, ban.EndReason));
        Assert.False(ban.Expire(Now.AddHours(4)));
        Assert.Single(ban.DomainEvents.OfType<BanLifted>());
    }

    [Fact]
    public void A_permanent_ban_never_expires()
    {
        var ban = Ban.Issue(7, 1, "cheating", "replay 4", null, Now);

        Assert.True(ban.IsPermanent);
        Assert.Null(ban.ExpiresAt);
        Assert.False(ban.Expire(Now.AddYears(50)));
        Assert.True(ban.IsActiveAt(Now.AddYears(50)));
    }

    [Fact]
    public void One_appeal_is_open_at_a_time_and_an_ended_ban_takes_none()
    {
        var ban = Ban.Issue(7, 1, "abuse", null, TimeSpan.FromHours(2), Now);
        ban.Appeal("It was my brother.", Now.AddMinutes(5));

        Assert.Equal((AppealStatus.Pending, "It was my brother.", Now.AddMinutes(5)), (ban.AppealStatus, ban.AppealText, ban.AppealedAt));
        Assert.Equal(ModerationErrors.AppealOpen, Assert.Throws<DomainException>(() => ban.Appeal("Please.", Now.AddMinutes(6))).Error);
        Assert.Equal(ModerationErrors.BanEnded, Assert.Throws<DomainException>(() => Ban.Issue(7, 1, "x", null, TimeSpan.FromHours(1), Now).Appeal("late", Now.AddHours(1))).Error);
    }

    [Fact]
    public void A_restriction_ends_at_its_time_once()
    {
        var restriction = Restriction.Issue(7, RestrictionType.Chat, "flooding", null, 1, TimeSpan.FromMinutes(30), Now);

        Assert.True(restriction.IsActiveAt(Now.AddMinutes(29)));
        Assert.False(restriction.Expire(Now.AddMinutes(29)));
        Assert.True(restriction.Expire(Now.AddMinutes(31)));
        Assert.Equal(Now.AddMinutes(30), restriction.EndedAt);
        Assert.False(restriction.Expire(Now.AddMinutes(40)));
        Assert.Equal(new RestrictionLifted(restriction.Id, 7, RestrictionType.Chat), Assert.Single(restriction.DomainEvents));
    }

    [Fact]
    public void Durations_must_be_positive_and_warnings_have_a_severity_of_1_to_5()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ban.Issue(7, 1, "x", null, TimeSpan.Zero, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => Restriction.Issue(7, RestrictionType.Gifts, "x", null, 1, TimeSpan.Zero, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlayerWarning.Issue(7, "x", 6, 1, Now));
        Assert.Equal(5, PlayerWarning.Issue(7, "x", 5, 1, Now).Severity);
    }
}
