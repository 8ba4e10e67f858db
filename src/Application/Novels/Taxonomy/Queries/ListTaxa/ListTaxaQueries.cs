using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Novels.Taxonomy;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Taxonomy.Queries.ListTaxa;

/// <summary>Seed 004 <c>GET /tags?lang=</c>: every tag, ordered by name in <c>lang</c>.</summary>
public sealed record ListTagsQuery(string? Lang) : IRequest<IReadOnlyList<TaxonCountModel>>;

/// <summary>Seed 004 <c>GET /genres?lang=</c>: every genre, ordered by name in <c>lang</c>.</summary>
public sealed record ListGenresQuery(string? Lang) : IRequest<IReadOnlyList<TaxonCountModel>>;

public sealed class ListTagsQueryValidator : AbstractValidator<ListTagsQuery>
{
    public ListTagsQueryValidator() => RuleFor(q => q.Lang).KnownLanguage();
}

public sealed class ListGenresQueryValidator : AbstractValidator<ListGenresQuery>
{
    public ListGenresQueryValidator() => RuleFor(q => q.Lang).KnownLanguage();
}

public sealed class ListTagsQueryHandler(IReadRepository<Tag> tags, INovelCatalogStats stats) : IRequestHandler<ListTagsQuery, IReadOnlyList<TaxonCountModel>>
{
    public async Task<IReadOnlyList<TaxonCountModel>> Handle(ListTagsQuery request, CancellationToken cancellationToken) =>
        TaxonListing.Of(await tags.ListAsync(new AllTaxaSpec<Tag>(), cancellationToken), await stats.NovelsPerTagAsync(cancellationToken), request.Lang!);
}

public sealed class ListGenresQueryHandler(IReadRepository<Genre> genres, INovelCatalogStats stats) : IRequestHandler<ListGenresQuery, IReadOnlyList<TaxonCountModel>>
{
    public async Task<IReadOnlyList<TaxonCountModel>> Handle(ListGenresQuery request, CancellationToken cancellationToken) =>
        TaxonListing.Of(await genres.ListAsync(new AllTaxaSpec<Genre>(), cancellationToken), await stats.NovelsPerGenreAsync(cancellationToken), request.Lang!);
}

/// <summary>Tags or genres with their novel counts (0 for none), by name, then id for equal names.</summary>
public static class TaxonListing
{
    public static IReadOnlyList<TaxonCountModel> Of(IEnumerable<Taxon> taxa, IReadOnlyDictionary<Guid, int> counts, string lang) =>
        taxa.Select(t => new TaxonCountModel(t.Id.ToString(), t.NameIn(lang), t.Slug, counts.GetValueOrDefault(t.Id)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
}
