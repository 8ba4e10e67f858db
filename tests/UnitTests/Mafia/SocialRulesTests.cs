using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Domain.Mafia.Social;
using Microsoft.Extensions.Options;
using Moq;

namespace CleanGames.UnitTests.Mafia;

public sealed class SocialRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid GameId = new("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    private static SharedTable Table(bool ended, params long[] players) => new(GameId, ended, players);

    [Fact]
    public void A_rating_is_for_a_co_player_of_an_ended_game_and_never_oneself()
    {
        var rating = LinguisticRating.Give(Table(true, 1, 2, 3), 1, 2, "en", 4, Now);
        Assert.Equal((1L, 2L, "en", 4, GameId, Now), (rating.RaterId, rating.RatedUserId, rating.Language, rating.Score, rating.GameId, rating.RatedAt));

        Assert.Equal(SocialErrors.GameNotEnded, Assert.Throws<DomainException>(() => LinguisticRating.Give(Table(false, 1, 2), 1, 2, "en", 4, Now)).Error);
        Assert.Equal(SocialErrors.RateSelf, Assert.Throws<DomainException>(() => LinguisticRating.Give(Table(true, 1, 2), 1, 1, "en", 4, Now)).Error);
        Assert.Equal(SocialErrors.NotAPlayer, Assert.Throws<DomainException>(() => LinguisticRating.Give(Table(true, 1, 2), 9, 2, "en", 4, Now)).Error);
        Assert.Equal(SocialErrors.NotCoPlayers, Assert.Throws<DomainException>(() => LinguisticRating.Give(Table(true, 1, 2), 1, 9, "en", 4, Now)).Error);
        Assert.Throws<ArgumentOutOfRangeException>(() => LinguisticRating.Give(Table(true, 1, 2), 1, 2, "en", 6, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinguisticRating.Give(Table(true, 1, 2), 1, 2, "en", 0, Now));
    }

    [Fact]
    public void A_report_is_for_a_co_player_of_a_running_or_ended_game_and_starts_open()
    {
        var report = PlayerReport.File(Table(false, 1, 2), 1, 2, "insults", " ", Now);
        Assert.Equal((ReportStatus.Open, GameId, (string?)null, (Guid?)null), (report.Status, report.GameId, report.Evidence, report.InterimRestrictionId));
        Assert.Equal("cheating", PlayerReport.File(Table(true, 1, 2), 2, 1, "cheating", "log", Now).Reason);

        Assert.Equal(SocialErrors.ReportSelf, Assert.Throws<DomainException>(() => PlayerReport.File(Table(false, 1, 2), 1, 1, "x", null, Now)).Error);
        Assert.Equal(SocialErrors.NotAPlayer, Assert.Throws<DomainException>(() => PlayerReport.File(Table(false, 1, 2), 9, 1, "x", null, Now)).Error);
        Assert.Equal(SocialErrors.NotCoPlayers, Assert.Throws<DomainException>(() => PlayerReport.File(Table(false, 1, 2), 1, 9, "x", null, Now)).Error);
    }

    [Fact]
    public void A_catalogue_gift_is_paid_like_a_purchase_and_names_its_receiver()
    {
        var buyer = Wallet.Open(1, "EQ-ton-1", "EQ-jetton-1", Now);
        LedgerTransaction.Grant(buyer, 100, "promo", 9, Now);
        var payment = LedgerTransaction.SocialGift(buyer, 2, "rose", 10, Now);

        Assert.Equal(0, payment.Entries.Sum(e => e.Amount));
        Assert.Equal((90L, 10L, 2L, "social_gift:rose:2"), (buyer.Balance, payment.AmountFor(SystemAccounts.ShopRevenue), payment.CounterpartyId!.Value, payment.Reason));
        Assert.Equal(EconomyErrors.InsufficientBalance.Code, Assert.Throws<DomainException>(() => LedgerTransaction.SocialGift(buyer, 2, "diamond", 500, Now)).Error.Code);
        Assert.Equal(EconomyErrors.GiftToSelf, Assert.Throws<DomainException>(() => LedgerTransaction.SocialGift(buyer, 1, "rose", 10, Now)).Error);
        Assert.Equal(90, buyer.Balance);

        var gift = SocialGift.Send(1, 2, "rose", 10, Table(false, 1, 2), payment.Id, Now);
        Assert.Equal(new SocialGiftSent(gift.Id, payment.Id, 1, 2, "rose", 10, GameId, Now), Assert.Single(gift.DomainEvents));
        Assert.Equal(SocialErrors.NotCoPlayers, Assert.Throws<DomainException>(() => SocialGift.EnsureMayGift(1, 3, Table(false, 1, 2))).Error);
        Assert.Equal(EconomyErrors.GiftToSelf, Assert.Throws<DomainException>(() => SocialGift.EnsureMayGift(1, 1, null)).Error);
        SocialGift.EnsureMayGift(1, 3, null);
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("ru", true)]
    [InlineData("zu", true)]
    [InlineData("EN", false)]
    [InlineData("eng", false)]
    [InlineData("xx", false)]
    [InlineData("sh", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Languages_are_lower_case_iso_639_1_codes(string? code, bool valid) => Assert.Equal(valid, Iso639Languages.IsCode(code));

    [Fact]
    public void The_language_list_has_the_183_codes_in_force() => Assert.Equal(183, Iso639Languages.Count);

    private sealed class ReportsRuleFixture
    {
        public Mock<IRepository<PlayerReport>> Reports { get; } = new();

        public Mock<IRepository<Restriction>> Restrictions { get; } = new();

        public Mock<IRepository<ModerationLogEntry>> Log { get; } = new();

        public ReportsRule Rule => new(Reports.Object, Restrictions.Object, Log.Object, Options.Create(new ModerationOptions { AutoRestrictAfterReports = 3, AutoRestrictHours = 24 }));

        public void Open(params PlayerReport[] reports) =>
            Reports.Setup(r => r.ListAsync(It.IsAny<ISpecification<PlayerReport>>(), It.IsAny<CancellationToken>())).ReturnsAsync([.. reports]);
    }

    private static PlayerReport ReportBy(long reporter, long target = 5) => PlayerReport.File(Table(false, 1, 2, 3, 4, 5), reporter, target, "abuse", null, Now);

    [Fact]
    public async Task The_reports_rule_restricts_chat_at_three_distinct_reporters_and_audits_it_with_no_actor()
    {
        var fixture = new ReportsRuleFixture();
        var earlier = new[] { ReportBy(1), ReportBy(2) };
        var filed = ReportBy(3);
        fixture.Open([.. earlier, filed]);
        Restriction? issued = null;
        fixture.Restrictions.Setup(r => r.AddAsync(It.IsAny<Restriction>(), It.IsAny<CancellationToken>()))
            .Callback<Restriction, CancellationToken>((r, _) => issued = r).ReturnsAsync((Restriction r, CancellationToken _) => r);

        await fixture.Rule.ApplyAsync(filed, Now, default);

        Assert.NotNull(issued);
        Assert.Equal((5L, RestrictionType.Chat, (long?)null, Now.AddHours(24)), (issued.UserId, issued.Type, issued.IssuedBy, issued.ExpiresAt));
        Assert.All(earlier.Append(filed), r => Assert.Equal(issued.Id, r.InterimRestrictionId));
        fixture.Log.Verify(l => l.AddAsync(It.Is<ModerationLogEntry>(e => e.ActorId == null && e.Action == "restrict" && e.SubjectId == issued.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Two_reports_by_one_player_count_once_and_a_restriction_in_force_is_not_issued_again()
    {
        var fixture = new ReportsRuleFixture();
        var filed = ReportBy(2);
        fixture.Open(ReportBy(1), ReportBy(1), filed);
        await fixture.Rule.ApplyAsync(filed, Now, default);
        fixture.Restrictions.Verify(r => r.AddAsync(It.IsAny<Restriction>(), It.IsAny<CancellationToken>()), Times.Never);

        var held = Restriction.Issue(5, RestrictionType.Chat, "Reported by 3 players", null, null, TimeSpan.FromHours(24), Now);
        fixture.Restrictions.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Restriction>>(), It.IsAny<CancellationToken>())).ReturnsAsync(held);
        var fourth = ReportBy(4);
        await fixture.Rule.ApplyAsync(fourth, Now, default);
        Assert.Equal(held.Id, fourth.InterimRestrictionId);
        fixture.Restrictions.Verify(r => r.AddAsync(It.IsAny<Restriction>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
