using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Chapters.Queries.ListChapters;

/// <summary>Seed 004 <c>GET /novels/{slug}/chapters</c>; <c>lang</c> (optional) only affects <c>novel</c>.</summary>
public sealed record ListChaptersQuery(string Slug, string? Lang, int? Page, int? PerPage, string? Sort, string? Order)
    : IRequest<PagedBody<NovelChaptersPage>>, IPagedRequest;

public sealed record NovelChaptersPage(IReadOnlyList<ChapterModel> Chapters, NovelModel Novel);

public sealed class ListChaptersQueryValidator : AbstractValidator<ListChaptersQuery>
{
    public static readonly IReadOnlyList<string> Sorts = ["number", "created_at", "views"];

    public ListChaptersQueryValidator()
    {
        Include(new NovelsPageValidator());
        RuleFor(q => q.Lang).KnownLanguage().When(q => q.Lang is not null);
        RuleFor(q => q.Sort).OneOf(Sorts, "sort").When(q => q.Sort is not null);
        RuleFor(q => q.Order).OneOf(NovelsRules.Orders, "order").When(q => q.Order is not null);
    }
}

public sealed class ListChaptersQueryHandler(IReadRepository<Novel> novels, IReadRepository<Chapter> chapters, TaxonomyLookup taxonomy, NovelModelBuilder models)
    : IRequestHandler<ListChaptersQuery, PagedBody<NovelChaptersPage>>
{
    public async Task<PagedBody<NovelChaptersPage>> Handle(ListChaptersQuery request, CancellationToken cancellationToken)
    {
        var novel = await novels.FirstOrDefaultAsync(new NovelBySlugSpec(request.Slug), cancellationToken)
                    ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var page = NovelsPage.Of(request);
        var (tags, genres) = await taxonomy.ForAsync([novel], cancellationToken);
        var model = models.Build(novel, request.Lang, tags, genres);

        var sort = request.Sort ?? "number";
        var descending = request.Order == "desc";
        var total = await chapters.CountAsync(new NovelChaptersPageSpec(novel.Id, sort, descending), cancellationToken);
        IReadOnlyList<ChapterModel> items = page.StartsAfter(total)
            ? []
            : (await chapters.ListAsync(new NovelChaptersPageSpec(novel.Id, sort, descending, page.ReadSkip, page.Size), cancellationToken)).Select(r => r.ToModel()).ToList();
        return new PagedBody<NovelChaptersPage>(new NovelChaptersPage(items, model), page.Of(items, total));
    }
}
