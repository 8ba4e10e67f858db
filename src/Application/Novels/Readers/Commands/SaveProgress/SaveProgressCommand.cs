using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Readers;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Readers.Commands.SaveProgress;

/// <summary>
/// Seed 004 <c>POST /progress</c>: the reader's one progress in the novel, replaced by every later
/// write (even with an earlier chapter). Its <c>updated_at</c> is the server's clock when the write
/// is applied; a write whose time is before the stored one changes nothing and answers the stored progress.
/// </summary>
[AuthorizeRequest]
public sealed record SaveProgressCommand(string? NovelId, string? ChapterId, int? Position) : IRequest<SaveProgressResult>;

/// <summary><c>{message: "Progress saved", progress: ReadingProgress}</c>.</summary>
public sealed record SaveProgressResult(string Message, ReadingProgressModel Progress);

public sealed class SaveProgressCommandValidator : AbstractValidator<SaveProgressCommand>
{
    public SaveProgressCommandValidator()
    {
        RuleFor(c => c.NovelId).NotEmpty();
        RuleFor(c => c.ChapterId).NotEmpty();
        RuleFor(c => c.Position).NotNull().GreaterThanOrEqualTo(0);
    }
}

public sealed class SaveProgressCommandHandler(
    ICurrentUser currentUser,
    IReadRepository<Novel> novels,
    IReadRepository<Chapter> chapters,
    IRepository<ReadingProgress> progresses,
    IUnitOfWork unitOfWork,
    IClock clock)
    : IRequestHandler<SaveProgressCommand, SaveProgressResult>
{
    public const string Saved = "Progress saved";

    public async Task<SaveProgressResult> Handle(SaveProgressCommand request, CancellationToken cancellationToken)
    {
        var accountId = currentUser.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var novelId = NovelsRules.IdOf(request.NovelId) ?? throw new DomainException(NovelsErrors.NovelNotFound);
        if (!await novels.AnyAsync(new NovelByIdSpec(novelId), cancellationToken))
        {
            throw new DomainException(NovelsErrors.NovelNotFound);
        }

        var chapterId = NovelsRules.IdOf(request.ChapterId) ?? throw new DomainException(NovelsErrors.ChapterNotFound);
        var chapter = await chapters.FirstOrDefaultAsync(new ChapterByIdSpec(chapterId), cancellationToken)
                      ?? throw new DomainException(NovelsErrors.ChapterNotFound);
        if (chapter.NovelId != novelId)
        {
            throw new ValidationFailedException("ChapterId", "The chapter belongs to another novel.");
        }

        var now = clock.NowForStorage();
        var position = request.Position!.Value;
        var progress = await progresses.FirstOrDefaultAsync(new ProgressOfReaderSpec(accountId, novelId, track: true), cancellationToken);
        if (progress is null)
        {
            progress = ReadingProgress.Start(accountId, novelId, chapter.Id, chapter.Number, position, now);
            await progresses.AddAsync(progress, cancellationToken);
        }
        else if (!progress.Record(chapter.Id, chapter.Number, position, now))
        {
            // A newer write is already stored (another instance's clock ran ahead): it stays.
            return new SaveProgressResult(Saved, ReadingProgressModel.Of(progress));
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException exception)
        {
            // Another device created this reader's progress first: re-run against the stored row.
            unitOfWork.DiscardChanges();
            throw new ConcurrencyConflictException(exception);
        }

        return new SaveProgressResult(Saved, ReadingProgressModel.Of(progress));
    }
}
