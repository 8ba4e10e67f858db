using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using Ardalis.Specification;
using CleanGames.Application.Identity.Commands.RefreshSession;
using CleanGames.Application.Identity.Commands.SignInWithPassword;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;
using Microsoft.Extensions.Options;
using Moq;
using CleanGames.Domain.Common;

namespace CleanGames.UnitTests.Application.Identity;

public sealed class SignInHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<IRepository<Account>> _accounts = new();
    private readonly Mock<IRepository<RefreshTokenFamily>> _families = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<IAccessTokenIssuer> _tokens = new();
    private readonly Mock<IClock> _clock = new();
    private readonly IOptions<SessionOptions> _options = Options.Create(new SessionOptions { MaxFailedSignInsPerHour = 3 });

    public SignInHandlerTests()
    {
        _clock.SetupGet(c => c.UtcNow).Returns(Now);
        _tokens.Setup(t => t.Issue(It.IsAny<long>(), It.IsAny<IEnumerable<string>>(), It.IsAny<Guid?>())).Returns(new AccessToken("jwt", Now.AddHours(1), 3600));
    }

    private SignInWithPasswordCommandHandler SignInHandler() =>
        new(_accounts.Object, _hasher.Object, new SessionIssuer(_families.Object, _tokens.Object, _clock.Object, _options), _clock.Object, _options);

    private Account Existing()
    {
        var account = Account.RegisterWithPassword("ada@example.com", "ada", "stored-hash", null, Now.AddDays(-1));
        _accounts.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Account>>(), It.IsAny<CancellationToken>())).ReturnsAsync(account);
        return account;
    }

    [Fact]
    public async Task A_wrong_password_is_counted_and_saved_before_the_refusal()
    {
        var account = Existing();
        _hasher.Setup(h => h.Verify("stored-hash", "nope")).Returns(PasswordCheck.Failed);

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("ada", "nope"), default));

        Assert.Equal(IdentityErrors.InvalidCredentials, error.Error);
        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
        Assert.Equal(1, account.FailedSignInCount);
        _accounts.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        _families.Verify(r => r.AddAsync(It.IsAny<RefreshTokenFamily>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Past_the_hourly_limit_the_password_is_not_even_checked()
    {
        var account = Existing();
        for (var i = 0; i < 3; i++)
        {
            account.RecordFailedSignIn(Now.AddMinutes(-10), TimeSpan.FromHours(1));
        }

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default));

        Assert.Equal(ErrorKind.TooMany, error.Kind);
        Assert.Equal(TimeSpan.FromMinutes(50), error.RetryAfter);
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task An_unknown_login_spends_a_dummy_verification()
    {
        _accounts.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Account>>(), It.IsAny<CancellationToken>())).ReturnsAsync((Account?)null);

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("ghost", "pw"), default));

        Assert.Equal(IdentityErrors.InvalidCredentials, error.Error);

        _hasher.Verify(h => h.VerifyAgainstDummy("pw"), Times.Once);
    }

    [Fact]
    public async Task A_hash_the_hasher_wants_renewed_is_replaced_on_sign_in()
    {
        var account = Existing();
        _hasher.Setup(h => h.Verify("stored-hash", "right")).Returns(PasswordCheck.SuccessRehashNeeded);
        _hasher.Setup(h => h.Hash("right")).Returns("fresh-hash");

        var signedIn = await SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default);

        Assert.Equal("fresh-hash", account.PasswordHash);
        Assert.Equal(Now, account.LastLoginAt);
        Assert.Equal("jwt", signedIn.Tokens.AccessToken);
        _families.Verify(r => r.AddAsync(It.Is<RefreshTokenFamily>(f => f.ExpiresAt == Now.AddDays(30)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_token_carries_the_stored_roles_and_an_email_grants_none()
    {
        var account = Existing();
        account.SetElevatedRoles(AccountRoles.Moderator);
        _hasher.Setup(h => h.Verify("stored-hash", "right")).Returns(PasswordCheck.Success);

        await SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default);

        Assert.Equal(AccountRoles.User | AccountRoles.Moderator, account.Roles);
        _tokens.Verify(t => t.Issue(It.IsAny<long>(), It.Is<IEnumerable<string>>(r => r.SequenceEqual(new[] { "user", "moderator" })), It.IsAny<Guid?>()), Times.Once);
    }

    [Fact]
    public async Task The_loser_of_a_refresh_race_gets_401_not_a_retry()
    {
        var (token, hash) = RefreshTokens.New();
        var family = RefreshTokenFamily.Start(1, hash, Now.AddMinutes(-5), TimeSpan.FromDays(30));
        _families.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<RefreshTokenFamily>>(), It.IsAny<CancellationToken>())).ReturnsAsync(family);
        _families.Setup(r => r.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new ConcurrencyConflictException());
        var accounts = new Mock<IReadRepository<Account>>();
        accounts.Setup(r => r.GetByIdAsync(1L, It.IsAny<CancellationToken>())).ReturnsAsync(Account.RegisterWithPassword(null, "ada", "h", null, Now));
        var handler = new RefreshSessionCommandHandler(_families.Object, accounts.Object, new SessionIssuer(_families.Object, _tokens.Object, _clock.Object, _options), _clock.Object, _options);

        var error = await Assert.ThrowsAsync<DomainException>(() => handler.Handle(new RefreshSessionCommand(token), default));

        Assert.Equal(IdentityErrors.InvalidRefreshToken, error.Error);
        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
        Assert.IsAssignableFrom<CleanGames.Application.Common.Behaviours.INoConcurrencyRetry>(new RefreshSessionCommand(token));
    }
}
