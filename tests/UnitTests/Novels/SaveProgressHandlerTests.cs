using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Novels.Readers.Commands.SaveProgress;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Readers;
using Moq;

namespace CleanGames.UnitTests.Novels;

public sealed class SaveProgressHandlerTests
{
    private static readonly DateTimeOffset Now = new(2024, 2, 15, 10, 30, 0, TimeSpan.Zero);

    private readonly Mock<ICurrentUser> _user = new();
    private readonly Mock<IReadRepository<Novel>> _novels = new();
    private readonly Mock<IReadRepository<Chapter>> _chapters = new();
    private readonly Mock<IRepository<ReadingProgress>> _progresses = new();
    private readonly Mock<IUnitOfWork> _unitOfWork = new();
    private readonly Mock<IClock> _clock = new();
    private readonly Chapter _chapter;

    public SaveProgressHandlerTests()
    {
        var novelId = Guid.CreateVersion7(Now);
        _chapter = Chapter.Publish(novelId, 4, "Four", null, [new ChapterContent("en", "text", ChapterSource.Manual)], Now);
        _user.Setup(u => u.AccountId).Returns(7);
        _novels.Setup(n => n.AnyAsync(It.IsAny<ISpecification<Novel>>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _chapters.Setup(c => c.FirstOrDefaultAsync(It.IsAny<ISpecification<Chapter>>(), It.IsAny<CancellationToken>())).ReturnsAsync(_chapter);
        _clock.Setup(c => c.UtcNow).Returns(Now);
    }

    private SaveProgressCommandHandler Handler() => new(_user.Object, _novels.Object, _chapters.Object, _progresses.Object, _unitOfWork.Object, _clock.Object);

    private SaveProgressCommand Command(int position) => new(_chapter.NovelId.ToString(), _chapter.Id.ToString(), position);

    [Fact]
    public async Task A_write_older_than_the_stored_progress_answers_the_stored_one_and_saves_nothing()
    {
        var newer = ReadingProgress.Start(7, _chapter.NovelId, Guid.NewGuid(), 9, 900, Now.AddMinutes(1));
        _progresses.Setup(p => p.FirstOrDefaultAsync(It.IsAny<ISpecification<ReadingProgress>>(), It.IsAny<CancellationToken>())).ReturnsAsync(newer);

        var result = await Handler().Handle(Command(5), CancellationToken.None);

        Assert.Equal(SaveProgressCommandHandler.Saved, result.Message);
        Assert.Equal((9, 900, Now.AddMinutes(1)), (result.Progress.ChapterNumber, result.Progress.Position, result.Progress.UpdatedAt));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_first_progress_that_loses_the_unique_index_is_discarded_and_retried()
    {
        _progresses.Setup(p => p.FirstOrDefaultAsync(It.IsAny<ISpecification<ReadingProgress>>(), It.IsAny<CancellationToken>())).ReturnsAsync((ReadingProgress?)null);
        _unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new DuplicateKeyException());

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Handler().Handle(Command(5), CancellationToken.None));
        _unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
    }

    [Fact]
    public async Task A_newer_write_replaces_the_stored_progress_with_the_clocks_time()
    {
        var older = ReadingProgress.Start(7, _chapter.NovelId, Guid.NewGuid(), 9, 900, Now.AddMinutes(-1));
        _progresses.Setup(p => p.FirstOrDefaultAsync(It.IsAny<ISpecification<ReadingProgress>>(), It.IsAny<CancellationToken>())).ReturnsAsync(older);

        var result = await Handler().Handle(Command(5), CancellationToken.None);

        Assert.Equal((_chapter.Id.ToString(), 4, 5, Now), (result.Progress.ChapterId, result.Progress.ChapterNumber, result.Progress.Position, result.Progress.UpdatedAt));
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }
}
