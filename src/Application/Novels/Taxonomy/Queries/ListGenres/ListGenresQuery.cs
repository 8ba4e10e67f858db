using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Taxonomy.Common;
using CleanGames.Domain.Novels.Taxonomy;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Taxonomy.Queries.ListGenres;

/// <summary>Seed 004 <c>GET /genres?lang=</c>: every genre, ordered by name in <c>lang</c>.</summary>
public sealed record ListGenresQuery(string? Lang) : IRequest<IReadOnlyList<TaxonCountModel>>;

public sealed class ListGenresQueryValidator : AbstractValidator<ListGenresQuery>
{
    public ListGenresQueryValidator() => RuleFor(q => q.Lang).KnownLanguage();
}

public sealed class ListGenresQueryHandler(IReadRepository<Genre> genres, INovelCatalogStats stats) : IRequestHandler<ListGenresQuery, IReadOnlyList<TaxonCountModel>>
{
    public async Task<IReadOnlyList<TaxonCountModel>> Handle(ListGenresQuery request, CancellationToken cancellationToken) =>
        TaxonListing.Of(await genres.ListAsync(new AllTaxaSpec<Genre>(), cancellationToken), await stats.NovelsPerGenreAsync(cancellationToken), request.Lang!);
}
