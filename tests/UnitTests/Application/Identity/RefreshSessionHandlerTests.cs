using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Identity.Commands.RefreshSession;
using CleanGames.Application.Identity.Commands.RevokeSession;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;
using CleanGames.Domain.Identity.Sessions.Events;
using Microsoft.Extensions.Options;
using Moq;

namespace CleanGames.UnitTests.Application.Identity;

public sealed class RefreshSessionHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<IRepository<RefreshTokenFamily>> _families = new();
    private readonly Mock<IReadRepository<Account>> _accounts = new();
    private readonly Mock<IAccessTokenIssuer> _tokens = new();
    private readonly Mock<IClock> _clock = new();
    private readonly IOptions<SessionOptions> _options = Options.Create(new SessionOptions { RefreshGraceSeconds = 5 });
    private readonly Account _account = Account.RegisterWithPassword(null, "ada", "hash", null, Now.AddDays(-1));

    public RefreshSessionHandlerTests()
    {
        _clock.SetupGet(c => c.UtcNow).Returns(Now);
        _accounts.Setup(r => r.GetByIdAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync(_account);
        _tokens.Setup(t => t.Issue(It.IsAny<long>(), It.IsAny<IEnumerable<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<Guid?>()))
            .Returns((long id, IEnumerable<string> _, DateTimeOffset at, string jti, Guid? _) => new AccessToken($"jwt:{id}:{at.ToUnixTimeSeconds()}:{jti}", at.AddHours(1), 3600));
    }

    private RefreshSessionCommandHandler Handler() =>
        new(_families.Object, _accounts.Object, new SessionIssuer(_families.Object, _tokens.Object, _clock.Object, _options), _clock.Object, _options);

    private (RefreshTokenFamily Family, string Token) Started()
    {
        var id = Guid.NewGuid();
        var (token, hash) = RefreshTokens.New(id);
        var family = RefreshTokenFamily.Start(id, 1, hash, Now.AddMinutes(-5), TimeSpan.FromDays(30));
        _families.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<RefreshTokenFamily>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ISpecification<RefreshTokenFamily> spec, CancellationToken _) => spec.Evaluate([family]).FirstOrDefault());
        _families.Setup(r => r.GetByIdAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(family);
        return (family, token);
    }

    [Fact]
    public async Task The_previous_token_within_the_grace_window_gets_the_same_new_pair()
    {
        var (family, token) = Started();
        var first = await Handler().Handle(new RefreshSessionCommand(token), default);

        _clock.SetupGet(c => c.UtcNow).Returns(Now.AddMilliseconds(50));
        var second = await Handler().Handle(new RefreshSessionCommand(token), default);

        Assert.Equal(first.Tokens, second.Tokens);
        Assert.Equal(family.Id, RefreshTokens.FamilyOf(first.Tokens.RefreshToken));
        Assert.Null(family.RevokedAt);
        _families.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_previous_token_after_the_grace_window_revokes_and_saves_the_revocation()
    {
        var (family, token) = Started();
        await Handler().Handle(new RefreshSessionCommand(token), default);

        _clock.SetupGet(c => c.UtcNow).Returns(Now.AddSeconds(5));
        var error = await Assert.ThrowsAsync<DomainException>(() => Handler().Handle(new RefreshSessionCommand(token), default));

        Assert.Equal(IdentityErrors.InvalidRefreshToken, error.Error);
        Assert.Equal(RefreshTokenFamily.ReuseDetectedReason, family.RevocationReason);
        _families.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task A_token_the_family_no_longer_remembers_still_revokes_its_family()
    {
        var (family, first) = Started();
        var second = (await Handler().Handle(new RefreshSessionCommand(first), default)).Tokens.RefreshToken;
        _clock.SetupGet(c => c.UtcNow).Returns(Now.AddMinutes(1));
        await Handler().Handle(new RefreshSessionCommand(second), default);
        Assert.NotEqual(RefreshTokens.Hash(first), family.PreviousTokenHash);

        var error = await Assert.ThrowsAsync<DomainException>(() => Handler().Handle(new RefreshSessionCommand(first), default));

        Assert.Equal(IdentityErrors.InvalidRefreshToken, error.Error);
        Assert.Equal(RefreshTokenFamily.ReuseDetectedReason, family.RevocationReason);
        Assert.Contains(family.DomainEvents, e => e is RefreshFamilyRevoked { Reason: "reuse_detected" });
    }

    [Fact]
    public async Task A_string_that_is_no_token_of_ours_is_401_and_revokes_nothing()
    {
        var (family, _) = Started();

        foreach (var garbage in new[] { "nope", new string('x', 64), "legacy-token-without-a-family-id-0123456789" })
        {
            var error = await Assert.ThrowsAsync<DomainException>(() => Handler().Handle(new RefreshSessionCommand(garbage), default));
            Assert.Equal(IdentityErrors.InvalidRefreshToken, error.Error);
        }

        Assert.Null(family.RevokedAt);
        _families.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_lost_race_is_left_to_the_concurrency_retry_which_then_finds_a_replay()
    {
        Assert.IsNotAssignableFrom<INoConcurrencyRetry>(new RefreshSessionCommand("t"));
        var (_, token) = Started();
        var winner = await Handler().Handle(new RefreshSessionCommand(token), default);

        // The re-run of the loser, on the state the winner saved.
        var loser = await Handler().Handle(new RefreshSessionCommand(token), default);

        Assert.Equal(winner.Tokens.RefreshToken, loser.Tokens.RefreshToken);
        Assert.Equal(winner.Tokens.AccessToken, loser.Tokens.AccessToken);
    }

    [Fact]
    public async Task Logout_with_an_older_token_revokes_its_family()
    {
        var (family, first) = Started();
        var second = (await Handler().Handle(new RefreshSessionCommand(first), default)).Tokens.RefreshToken;
        await Handler().Handle(new RefreshSessionCommand(second), default);

        await new RevokeSessionCommandHandler(_families.Object, _clock.Object).Handle(new RevokeSessionCommand(first), default);

        Assert.Equal(RefreshTokenFamily.LogoutReason, family.RevocationReason);
    }
}
