using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Catalogue.Queries.GetNovel;

/// <summary>Seed 004 <c>GET /novels/{slug}</c>.</summary>
public sealed record GetNovelQuery(string Slug, string? Lang) : IRequest<NovelDetailModel>;

public sealed class GetNovelQueryValidator : AbstractValidator<GetNovelQuery>
{
    public GetNovelQueryValidator() => RuleFor(q => q.Lang).KnownLanguage();
}

public sealed class GetNovelQueryHandler(IReadRepository<Novel> novels, TaxonomyLookup taxonomy, NovelModelBuilder models)
    : IRequestHandler<GetNovelQuery, NovelDetailModel>
{
    public async Task<NovelDetailModel> Handle(GetNovelQuery request, CancellationToken cancellationToken)
    {
        var novel = await novels.FirstOrDefaultAsync(new NovelBySlugSpec(request.Slug), cancellationToken)
                    ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var (tags, genres) = await taxonomy.ForAsync([novel], cancellationToken);
        return models.Detail(novel, request.Lang, tags, genres);
    }
}
