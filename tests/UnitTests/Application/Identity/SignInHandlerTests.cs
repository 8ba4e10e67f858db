using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using Ardalis.Specification;
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
    private const string Address = "203.0.113.9";
    private readonly Mock<IRepository<Account>> _accounts = new();
    private readonly Mock<IRepository<RefreshTokenFamily>> _families = new();
    private readonly Mock<IPasswordHasher> _hasher = new();
    private readonly Mock<ISignInThrottle> _throttle = new();
    private readonly Mock<ICurrentUser> _caller = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IAccessTokenIssuer> _tokens = new();
    private readonly Mock<IClock> _clock = new();
    private readonly IOptions<SessionOptions> _options = Options.Create(new SessionOptions());

    public SignInHandlerTests()
    {
        _clock.SetupGet(c => c.UtcNow).Returns(Now);
        _caller.SetupGet(c => c.ClientAddress).Returns(Address);
        _tokens.Setup(t => t.Issue(It.IsAny<long>(), It.IsAny<IEnumerable<string>>(), It.IsAny<Guid?>())).Returns(new AccessToken("jwt", Now.AddHours(1), 3600));
    }

    private SignInWithPasswordCommandHandler SignInHandler() =>
        new(_accounts.Object, _hasher.Object, _throttle.Object, _caller.Object,
            new SessionIssuer(_families.Object, _tokens.Object, _clock.Object, _options), _unitOfWork.Object, _clock.Object,
            Options.Create(new PipelineOptions()));

    private Account Existing()
    {
        var account = Account.RegisterWithPassword("ada@example.com", "ada", "stored-hash", null, Now.AddDays(-1));
        _accounts.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Account>>(), It.IsAny<CancellationToken>())).ReturnsAsync(account);
        return account;
    }

    private void NoAccount() =>
        _accounts.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<Account>>(), It.IsAny<CancellationToken>())).ReturnsAsync((Account?)null);

    [Fact]
    public async Task A_wrong_password_is_counted_before_the_one_check_and_nothing_else_is_written()
    {
        var account = Existing();
        var order = new List<string>();
        _throttle.Setup(t => t.TryBeginAttemptAsync(It.IsAny<SignInThrottleKey>(), Now, It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("counted")).ReturnsAsync((TimeSpan?)null);
        _hasher.Setup(h => h.Verify("stored-hash", "nope")).Callback(() => order.Add("checked")).Returns(PasswordCheck.Failed);

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("ada", "nope"), default));

        Assert.Equal(IdentityErrors.InvalidCredentials, error.Error);
        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
        Assert.Equal(["counted", "checked"], order);
        _throttle.Verify(t => t.TryBeginAttemptAsync(new SignInThrottleKey("account:" + account.Id, Address), Now, It.IsAny<CancellationToken>()), Times.Once);
        _throttle.Verify(t => t.ForgetAsync(It.IsAny<SignInThrottleKey>(), It.IsAny<CancellationToken>()), Times.Never);
        _accounts.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
        _families.Verify(r => r.AddAsync(It.IsAny<RefreshTokenFamily>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_pair_that_must_wait_gets_429_with_the_wait_and_the_password_is_not_checked()
    {
        Existing();
        _throttle.Setup(t => t.TryBeginAttemptAsync(It.IsAny<SignInThrottleKey>(), Now, It.IsAny<CancellationToken>())).ReturnsAsync(TimeSpan.FromSeconds(8));

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default));

        Assert.Equal(IdentityErrors.SignInThrottled, error.Error);
        Assert.Equal(ErrorKind.TooMany, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(8), error.RetryAfter);
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Never);
        _hasher.Verify(h => h.VerifyAgainstDummy(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task An_unknown_login_is_counted_and_spends_a_dummy_verification_like_a_known_one()
    {
        NoAccount();

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("Ghost ", "pw"), default));

        Assert.Equal(IdentityErrors.InvalidCredentials, error.Error);
        _hasher.Verify(h => h.VerifyAgainstDummy("pw"), Times.Once);
        var expected = SignInThrottleKey.For(null, "ghost", Address);
        Assert.StartsWith("login:", expected.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("GHOST", expected.Subject, StringComparison.OrdinalIgnoreCase);
        _throttle.Verify(t => t.TryBeginAttemptAsync(expected, Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_unknown_login_is_refused_with_the_same_429_as_an_account()
    {
        NoAccount();
        _throttle.Setup(t => t.TryBeginAttemptAsync(It.IsAny<SignInThrottleKey>(), Now, It.IsAny<CancellationToken>())).ReturnsAsync(TimeSpan.FromSeconds(8));

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("ghost", "pw"), default));

        Assert.Equal(IdentityErrors.SignInThrottled, error.Error);
        Assert.Equal(TimeSpan.FromSeconds(8), error.RetryAfter);
        _hasher.Verify(h => h.VerifyAgainstDummy(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task The_right_password_forgets_the_pairs_failures()
    {
        var account = Existing();
        _hasher.Setup(h => h.Verify("stored-hash", "right")).Returns(PasswordCheck.Success);

        await SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default);

        _throttle.Verify(t => t.ForgetAsync(new SignInThrottleKey("account:" + account.Id, Address), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_lost_race_on_the_account_records_the_sign_in_again_without_checking_the_password_twice()
    {
        var account = Existing();
        var reloaded = Account.RegisterWithPassword("ada@example.com", "ada", "stored-hash", null, Now.AddDays(-1));
        _accounts.Setup(r => r.GetByIdAsync(account.Id, It.IsAny<CancellationToken>())).ReturnsAsync(reloaded);
        _hasher.Setup(h => h.Verify("stored-hash", "right")).Returns(PasswordCheck.SuccessRehashNeeded);
        _hasher.Setup(h => h.Hash("right")).Returns("fresh-hash");
        _accounts.SetupSequence(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConcurrencyConflictException())
            .ReturnsAsync(1);

        var signedIn = await SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default);

        Assert.Equal("jwt", signedIn.Tokens.AccessToken);
        Assert.Equal(Now, reloaded.LastLoginAt);
        Assert.Equal("fresh-hash", reloaded.PasswordHash);
        _hasher.Verify(h => h.Verify(It.IsAny<string>(), It.IsAny<string>()), Times.Once);
        _hasher.Verify(h => h.Hash(It.IsAny<string>()), Times.Once);
        _throttle.Verify(t => t.TryBeginAttemptAsync(It.IsAny<SignInThrottleKey>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        Assert.IsAssignableFrom<INoConcurrencyRetry>(new SignInWithPasswordCommand("ada", "right"));
    }

    [Fact]
    public async Task A_banned_account_with_the_right_password_is_403()
    {
        var account = Existing();
        account.Ban();
        _hasher.Setup(h => h.Verify("stored-hash", "right")).Returns(PasswordCheck.Success);

        var error = await Assert.ThrowsAsync<DomainException>(() => SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default));

        Assert.Equal(AccountErrors.Banned, error.Error);
        _accounts.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
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
    public async Task A_new_sessions_refresh_token_names_its_family()
    {
        Existing();
        _hasher.Setup(h => h.Verify("stored-hash", "right")).Returns(PasswordCheck.Success);
        RefreshTokenFamily? family = null;
        _families.Setup(r => r.AddAsync(It.IsAny<RefreshTokenFamily>(), It.IsAny<CancellationToken>()))
            .Callback<RefreshTokenFamily, CancellationToken>((f, _) => family = f)
            .ReturnsAsync((RefreshTokenFamily f, CancellationToken _) => f);

        var signedIn = await SignInHandler().Handle(new SignInWithPasswordCommand("ada", "right"), default);

        Assert.NotNull(family);
        Assert.Equal(family.Id, RefreshTokens.FamilyOf(signedIn.Tokens.RefreshToken));
        Assert.Equal(RefreshTokens.Hash(signedIn.Tokens.RefreshToken), family.CurrentTokenHash);
    }
}
