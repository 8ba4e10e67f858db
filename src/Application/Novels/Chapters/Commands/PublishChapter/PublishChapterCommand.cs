using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using MediatR;

namespace CleanGames.Application.Novels.Chapters.Commands.PublishChapter;

/// <summary>One <c>contents</c> entry of <c>POST /admin/chapters</c>.</summary>
public sealed record ChapterContentInput(string? Lang = null, string? Content = null, string? Source = null);

/// <summary>Seed 004 <c>POST /admin/chapters</c> (admin): the chapter is published at once.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record PublishChapterCommand(string? NovelId, int? Number, string? Title, string? Slug, IReadOnlyList<ChapterContentInput>? Contents) : IRequest<ChapterModel>;

public sealed class PublishChapterCommandHandler(IRepository<Novel> novels, IRepository<Chapter> chapters, IUnitOfWork unitOfWork, IClock clock)
    : IRequestHandler<PublishChapterCommand, ChapterModel>
{
    public async Task<ChapterModel> Handle(PublishChapterCommand request, CancellationToken cancellationToken)
    {
        var novelId = NovelsRules.IdOf(request.NovelId) ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var novel = await novels.FirstOrDefaultAsync(new NovelByIdSpec(novelId, track: true), cancellationToken)
                    ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var number = request.Number!.Value;
        if (await chapters.AnyAsync(new ChapterByNumberSpec(novelId, number), cancellationToken))
        {
            throw new DomainException(NovelsErrors.ChapterNumberTaken);
        }

        var now = clock.NowForStorage();
        var contents = request.Contents!.Select(c => new ChapterContent(c.Lang!, c.Content!, Enum.Parse<ChapterSource>(c.Source!, ignoreCase: true))).ToList();
        var chapter = Chapter.Publish(novelId, number, request.Title!, request.Slug, contents, now);
        await chapters.AddAsync(chapter, cancellationToken);
        novel.ChapterPublished(now);
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // The unique (novel, number) index: a racing request published this number first.
            unitOfWork.DiscardChanges();
            throw new DomainException(NovelsErrors.ChapterNumberTaken);
        }

        return ChapterModel.Of(chapter);
    }
}
