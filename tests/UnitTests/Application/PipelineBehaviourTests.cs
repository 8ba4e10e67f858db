using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using CleanGames.Domain.Common;

namespace CleanGames.UnitTests.Application;

public sealed record PlainRequest(string Name) : IRequest<string>;

[AuthorizeRequest(Roles = "admin,moderator")]
public sealed record StaffRequest : IRequest<string>;

public sealed class PlainRequestValidator : AbstractValidator<PlainRequest>
{
    public PlainRequestValidator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(5);
}

/// <summary>A request by the caller that also changes another account's aggregate (a transfer to <paramref name="Other"/>).</summary>
public sealed record TransferRequest(long Other) : IRequest<string>, ICallerLockedRequest
{
    public string CallerLockScope => "wallet";

    public IEnumerable<string> AlsoLockedKeys => ["wallet:" + Other];
}

public sealed class PipelineBehaviourTests
{
    private static readonly IOptions<PipelineOptions> Options = Microsoft.Extensions.Options.Options.Create(new PipelineOptions { MaxConcurrencyRetries = 3 });

    [Fact]
    public async Task Validation_failures_stop_the_request_with_every_field_error()
    {
        var behaviour = new ValidationBehaviour<PlainRequest, string>([new PlainRequestValidator()]);
        var called = false;

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            behaviour.Handle(new PlainRequest("toolong"), default, () => { called = true; return Task.FromResult("x"); }));

        Assert.False(called);
        var field = Assert.Single(error.Errors);
        Assert.Equal("Name", field.Field);
        Assert.Equal("MaximumLengthValidator", field.Code);
    }

    [Fact]
    public async Task Valid_requests_pass_validation()
    {
        var behaviour = new ValidationBehaviour<PlainRequest, string>([new PlainRequestValidator()]);
        Assert.Equal("ok", await behaviour.Handle(new PlainRequest("Ada"), default, () => Task.FromResult("ok")));
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized_for_a_request_that_declares_roles()
    {
        var behaviour = new AuthorizationBehaviour<StaffRequest, string>(User(authenticated: false), Stored(authenticated: false), []);
        var error = await Assert.ThrowsAsync<DomainException>(() => behaviour.Handle(new StaffRequest(), default, () => Task.FromResult("x")));
        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }

    [Fact]
    public async Task A_caller_without_any_listed_role_is_forbidden()
    {
        var behaviour = new AuthorizationBehaviour<StaffRequest, string>(User(authenticated: true, "user"), Stored(authenticated: true, "user"), []);
        var error = await Assert.ThrowsAsync<DomainException>(() => behaviour.Handle(new StaffRequest(), default, () => Task.FromResult("x")));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task A_caller_with_one_of_the_roles_passes()
    {
        var behaviour = new AuthorizationBehaviour<StaffRequest, string>(User(authenticated: true, "moderator"), Stored(authenticated: true, "moderator"), []);
        Assert.Equal("ok", await behaviour.Handle(new StaffRequest(), default, () => Task.FromResult("ok")));
    }

    [Fact]
    public async Task A_token_that_claims_a_role_the_stored_account_no_longer_holds_is_forbidden()
    {
        var revoked = new Mock<IRoleStore>();
        revoked.Setup(s => s.RolesOfAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync(["user"]);
        var caller = User(authenticated: true, "moderator");
        var behaviour = new AuthorizationBehaviour<StaffRequest, string>(caller, new CallerRoles(caller, revoked.Object), []);

        var error = await Assert.ThrowsAsync<DomainException>(() => behaviour.Handle(new StaffRequest(), default, () => Task.FromResult("x")));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task A_request_authorizer_that_refuses_makes_it_forbidden()
    {
        var rule = new Mock<IRequestAuthorizer<PlainRequest>>();
        rule.Setup(r => r.IsAllowedAsync(It.IsAny<PlainRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var behaviour = new AuthorizationBehaviour<PlainRequest, string>(User(authenticated: true, "user"), Stored(authenticated: true, "user"), [rule.Object]);

        var error = await Assert.ThrowsAsync<DomainException>(() => behaviour.Handle(new PlainRequest("a"), default, () => Task.FromResult("x")));
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task Requests_that_declare_nothing_need_no_caller()
    {
        var behaviour = new AuthorizationBehaviour<PlainRequest, string>(User(authenticated: false), Stored(authenticated: false), []);
        Assert.Equal("ok", await behaviour.Handle(new PlainRequest("a"), default, () => Task.FromResult("ok")));
    }

    [Fact]
    public async Task A_lost_concurrency_race_discards_tracked_state_and_reruns_the_handler()
    {
        var unitOfWork = new Mock<IUnitOfWork>();
        var behaviour = new ConcurrencyRetryBehaviour<PlainRequest, string>(Services(unitOfWork.Object), Options, NullLogger<ConcurrencyRetryBehaviour<PlainRequest, string>>.Instance);
        var attempts = 0;

        var result = await behaviour.Handle(new PlainRequest("a"), default, () =>
        {
            attempts++;
            return attempts < 3 ? throw new ConcurrencyConflictException() : Task.FromResult("saved");
        });

        Assert.Equal("saved", result);
        Assert.Equal(3, attempts);
        unitOfWork.Verify(u => u.DiscardChanges(), Times.Exactly(2));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        var unitOfWork = new Mock<IUnitOfWork>();
        var behaviour = new ConcurrencyRetryBehaviour<PlainRequest, string>(Services(unitOfWork.Object), Options, NullLogger<ConcurrencyRetryBehaviour<PlainRequest, string>>.Instance);
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => behaviour.Handle(new PlainRequest("a"), default, () =>
        {
            attempts++;
            throw new ConcurrencyConflictException();
        }));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task Unexpected_exceptions_are_logged_and_rethrown_but_application_errors_are_not_logged()
    {
        var logger = new Mock<ILogger<UnhandledExceptionBehaviour<PlainRequest, string>>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var behaviour = new UnhandledExceptionBehaviour<PlainRequest, string>(logger.Object);

        await Assert.ThrowsAsync<InvalidOperationException>(() => behaviour.Handle(new PlainRequest("a"), default, () => throw new InvalidOperationException("boom")));
        await Assert.ThrowsAsync<DomainException>(() => behaviour.Handle(new PlainRequest("a"), default, () => throw new DomainException(DomainError.NotFound("x.not_found", "Nothing here."))));

        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<InvalidOperationException>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<DomainException>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Never);
    }

    [Fact]
    public async Task Slow_requests_are_logged_as_warnings()
    {
        var logger = new Mock<ILogger<LoggingBehaviour<PlainRequest, string>>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var behaviour = new LoggingBehaviour<PlainRequest, string>(logger.Object, Microsoft.Extensions.Options.Options.Create(new PipelineOptions { SlowRequestMilliseconds = 0 }));

        await behaviour.Handle(new PlainRequest("a"), default, () => Task.FromResult("ok"));

        logger.Verify(l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Fact]
    public async Task Two_transfers_between_the_same_pair_in_opposite_directions_take_turns_without_deadlock()
    {
        var locks = new AggregateLocks();
        var fromOne = new AggregateLockBehaviour<TransferRequest, string>(locks, Caller(1));
        var fromTwo = new AggregateLockBehaviour<TransferRequest, string>(locks, Caller(2));
        var inside = 0;
        var overlapped = false;

        async Task<string> Body()
        {
            overlapped |= Interlocked.Increment(ref inside) > 1;
            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
            return "ok";
        }

        var runs = Enumerable.Range(0, 50).Select(i => i % 2 == 0
            ? fromOne.Handle(new TransferRequest(2), default, Body)
            : fromTwo.Handle(new TransferRequest(1), default, Body));
        var all = Task.WhenAll(runs);

        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.All(await all, r => Assert.Equal("ok", r));
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_transfer_holds_the_other_accounts_lock_against_that_accounts_own_requests()
    {
        var locks = new AggregateLocks();
        var transfer = new AggregateLockBehaviour<TransferRequest, string>(locks, Caller(1));
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var running = transfer.Handle(new TransferRequest(2), default, async () =>
        {
            entered.SetResult();
            await release.Task;
            return "ok";
        });
        await entered.Task;

        var other = locks.AcquireAsync("wallet:2", default);
        await Task.Delay(50);
        Assert.False(other.IsCompleted);

        release.SetResult();
        await running;
        (await other).Dispose();
    }

    private static ICurrentUser Caller(long accountId)
    {
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.IsAuthenticated).Returns(true);
        user.SetupGet(u => u.AccountId).Returns(accountId);
        return user.Object;
    }

    private static IServiceProvider Services(IUnitOfWork unitOfWork)
    {
        var services = new Mock<IServiceProvider>();
        services.Setup(s => s.GetService(typeof(IUnitOfWork))).Returns(unitOfWork);
        return services.Object;
    }

    /// <summary>The caller's roles as the token claims them and as the store holds them (the same, unless a test says otherwise).</summary>
    private static CallerRoles Stored(bool authenticated, params string[] roles)
    {
        var store = new Mock<IRoleStore>();
        store.Setup(s => s.RolesOfAsync(1, It.IsAny<CancellationToken>())).ReturnsAsync(roles);
        return new CallerRoles(User(authenticated, roles), store.Object);
    }

    private static ICurrentUser User(bool authenticated, params string[] roles)
    {
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.IsAuthenticated).Returns(authenticated);
        user.SetupGet(u => u.AccountId).Returns(authenticated ? 1 : null);
        user.SetupGet(u => u.Roles).Returns(roles);
        user.Setup(u => u.IsInRole(It.IsAny<string>())).Returns<string>(r => authenticated && roles.Contains(r));
        return user.Object;
    }
}
