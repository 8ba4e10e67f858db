using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Taxonomy.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Taxonomy;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Taxonomy.Commands.UpdateGenre;

/// <summary><c>PUT /admin/genres/{id}</c> (admin): as <c>UpdateTagCommand</c>, for genres.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateGenreCommand(string Id, string? Slug, IReadOnlyList<TaxonNameInput>? Names, string? MergeInto, string? Lang) : IRequest<TaxonCountModel>, IUpdateTaxon;

public sealed class UpdateGenreCommandValidator : AbstractValidator<UpdateGenreCommand>
{
    public UpdateGenreCommandValidator() => Include(new UpdateTaxonValidator());
}

public sealed class UpdateGenreCommandHandler(IRepository<Genre> genres, IRepository<Novel> novels, INovelCatalogStats stats, IUnitOfWork unitOfWork, IClock clock)
    : IRequestHandler<UpdateGenreCommand, TaxonCountModel>
{
    public async Task<TaxonCountModel> Handle(UpdateGenreCommand request, CancellationToken cancellationToken)
    {
        var kept = await TaxonUpdate.ApplyAsync(
            genres, request, NovelsErrors.GenreNotFound, unitOfWork,
            async (from, to, ct) =>
            {
                foreach (var novel in await novels.ListAsync(new NovelsWithGenreSpec(from), ct))
                {
                    novel.ReplaceGenre(from, to, clock.NowForStorage());
                }
            },
            cancellationToken);
        return TaxonListing.Of([kept], await stats.NovelsPerGenreAsync(cancellationToken), request.Lang ?? NovelLanguages.English)[0];
    }
}
