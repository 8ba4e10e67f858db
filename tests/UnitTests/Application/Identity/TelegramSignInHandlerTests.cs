using CleanGames.Domain.Identity.Audit;
using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Commands.SignInWithTelegram;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.TelegramProofs;
using Moq;

namespace CleanGames.UnitTests.Application.Identity;

public sealed class TelegramSignInHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly VerifiedTelegramProof Proof = new(new TelegramIdentity(1001, "ann", "Ann", null, null, null, null), new string('a', 64), Now.AddHours(1));
    private readonly Mock<ITelegramLoginVerifier> _verifier = new();
    private readonly Mock<IRepository<Account>> _accounts = new();
    private readonly Mock<IRepository<SpentTelegramProof>> _proofs = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IAccessTokenIssuer> _tokens = new();
    private readonly Mock<IClock> _clock = new();

    public TelegramSignInHandlerTests()
    {
        _verifier.Setup(v => v.Verify(It.IsAny<TelegramProof>())).Returns(Proof);
        _clock.SetupGet(c => c.UtcNow).Returns(Now);
        _tokens.Setup(t => t.Issue(It.IsAny<long>(), It.IsAny<IEnumerable<string>>(), It.IsAny<Guid?>())).Returns(new AccessToken("jwt", Now.AddHours(1), 3600));
    }

    private SignInWithTelegramCommandHandler Handler() =>
        new(_verifier.Object, _accounts.Object, _proofs.Object, _unitOfWork.Object, Mock.Of<IAdminDirectory>(), Mock.Of<IRepository<RoleAuditEntry>>(), _tokens.Object, _clock.Object);

    private static SignInWithTelegramCommand Command => new(new TelegramProof.MiniApp("user=...&hash=..."));

    [Fact]
    public async Task A_spent_proof_is_refused_like_a_forgery_before_any_account_is_touched()
    {
        _proofs.Setup(p => p.AnyAsync(It.IsAny<ISpecification<SpentTelegramProof>>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var error = await Assert.ThrowsAsync<DomainException>(() => Handler().Handle(Command, default));

        Assert.Equal(IdentityErrors.TelegramInvalid, error.Error);
        _accounts.Verify(a => a.FirstOrDefaultAsync(It.IsAny<ISpecification<Account>>(), It.IsAny<CancellationToken>()), Times.Never);
        _proofs.Verify(p => p.AddAsync(It.IsAny<SpentTelegramProof>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_sign_in_spends_its_proof_until_the_proof_expires_in_the_same_save()
    {
        await Handler().Handle(Command, default);

        _proofs.Verify(p => p.AddAsync(It.Is<SpentTelegramProof>(s => s.Id == Proof.Hash && s.ExpiresAt == Proof.ExpiresAt), It.IsAny<CancellationToken>()), Times.Once);
        _accounts.Verify(a => a.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
        _tokens.Verify(t => t.Issue(It.IsAny<long>(), It.IsAny<IEnumerable<string>>(), It.IsAny<Guid?>()), Times.Once);
    }

    [Fact]
    public async Task The_loser_of_a_race_with_the_same_proof_finds_it_spent_and_is_refused()
    {
        _proofs.SetupSequence(p => p.AnyAsync(It.IsAny<ISpecification<SpentTelegramProof>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(false)
            .ReturnsAsync(true);
        _accounts.Setup(a => a.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new DuplicateKeyException());

        var error = await Assert.ThrowsAsync<DomainException>(() => Handler().Handle(Command, default));

        Assert.Equal(IdentityErrors.TelegramInvalid, error.Error);
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
        _tokens.Verify(t => t.Issue(It.IsAny<long>(), It.IsAny<IEnumerable<string>>(), It.IsAny<Guid?>()), Times.Never);
    }
}
