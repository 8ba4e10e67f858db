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

public sealed class ModerationQueueRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_accepted_appeal_lifts_the_ban_and_a_rejected_one_lets_the_player_appeal_again()
    {
        var ban = Ban.Issue(7, 1, "abuse", null, TimeSpan.FromHours(48), Now);
        Assert.Equal(ModerationErrors.NoOpenAppeal, Assert.Throws<DomainException>(() => ban.ResolveAppeal(true, "n", Now)).Error);

        ban.Appeal("It was my brother.", Now);
        ban.ResolveAppeal(false, "same device", Now.AddHours(1));
        Assert.Equal((AppealStatus.Rejected, "same device", (DateTimeOffset?)null), (ban.AppealStatus, ban.Notes, ban.EndedAt));
        Assert.True(ban.IsActiveAt(Now.AddHours(2)));

        ban.Appeal("Please look again.", Now.AddHours(2));
        ban.ResolveAppeal(true, "confirmed", Now.AddHours(3));
        Assert.Equal((AppealStatus.Approved, Now.AddHours(3), BanEnd.AppealApproved), (ban.AppealStatus, ban.EndedAt, ban.EndReason));
        Assert.False(ban.IsActiveAt(Now.AddHours(3)));
        Assert.Equal(new BanLifted(ban.Id, 7, BanEnd.AppealApproved), ban.DomainEvents.OfType<BanLifted>().Single());
        Assert.Equal(ModerationErrors.NoOpenAppeal, Assert.Throws<DomainException>(() => ban.ResolveAppeal(true, "again", Now.AddHours(4))).Error);
        Assert.Equal(ModerationErrors.BanEnded, Assert.Throws<DomainException>(() => ban.Lift(BanEnd.AppealApproved, Now.AddHours(4))).Error);
    }

    [Fact]
    public void An_appeal_accepted_after_the_ban_ended_only_records_the_decision()
    {
        var ban = Ban.Issue(7, 1, "abuse", null, TimeSpan.FromHours(1), Now);
        ban.Appeal("sorry", Now);
        Assert.True(ban.Expire(Now.AddHours(2)));
        ban.ResolveAppeal(true, "late", Now.AddHours(3));
        Assert.Equal((AppealStatus.Approved, BanEnd.Expired), (ban.AppealStatus, ban.EndReason));
        Assert.Single(ban.DomainEvents.OfType<BanLifted>());
    }

    [Fact]
    public void A_restriction_lifted_early_says_so_and_cannot_be_lifted_twice()
    {
        var restriction = Restriction.Issue(7, RestrictionType.Chat, "Reported by 3 players", null, null, TimeSpan.FromHours(24), Now);
        restriction.Lift(Now.AddHours(1));
        Assert.Equal(Now.AddHours(1), restriction.EndedAt);
        Assert.False(restriction.IsActiveAt(Now.AddHours(1)));
        Assert.Equal(new RestrictionLifted(restriction.Id, 7, RestrictionType.Chat, Expired: false), Assert.Single(restriction.DomainEvents));
        Assert.Equal(ModerationErrors.RestrictionEnded, Assert.Throws<DomainException>(() => restriction.Lift(Now.AddHours(2))).Error);
        Assert.False(restriction.Expire(Now.AddDays(2)));
    }

    [Fact]
    public void A_report_is_resolved_once()
    {
        var report = CleanGames.Domain.Mafia.Social.PlayerReport.File(new CleanGames.Domain.Mafia.Social.SharedTable(Guid.NewGuid(), false, [1, 2]), 1, 2, "abuse", null, Now);
        report.Resolve(false, 9, "no abuse", Now.AddHours(1));
        Assert.Equal((CleanGames.Domain.Mafia.Social.ReportStatus.Rejected, (long?)9, "no abuse", (DateTimeOffset?)Now.AddHours(1)), (report.Status, report.ResolvedBy, report.ResolutionNote, report.ResolvedAt));
        Assert.Equal(CleanGames.Domain.Mafia.Social.SocialErrors.ReportResolved, Assert.Throws<DomainException>(() => report.Resolve(true, 9, "again", Now)).Error);
    }
}
