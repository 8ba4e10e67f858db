using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Taxonomy.Common;
using CleanGames.Domain.Novels.Taxonomy;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Taxonomy.Queries.ListTags;

/// <summary>Seed 004 <c>GET /tags?lang=</c>: every tag, ordered by name in <c>lang</c>.</summary>
public sealed record ListTagsQuery(string? Lang) : IRequest<IReadOnlyList<TaxonCountModel>>;

public sealed class ListTagsQueryValidator : AbstractValidator<ListTagsQuery>
{
    public ListTagsQueryValidator() => RuleFor(q => q.Lang).KnownLanguage();
}

public sealed class ListTagsQueryHandler(IReadRepository<Tag> tags, INovelCatalogStats stats) : IRequestHandler<ListTagsQuery, IReadOnlyList<TaxonCountModel>>
{
    public async Task<IReadOnlyList<TaxonCountModel>> Handle(ListTagsQuery request, CancellationToken cancellationToken) =>
        TaxonListing.Of(await tags.ListAsync(new AllTaxaSpec<Tag>(), cancellationToken), await stats.NovelsPerTagAsync(cancellationToken), request.Lang!);
}
