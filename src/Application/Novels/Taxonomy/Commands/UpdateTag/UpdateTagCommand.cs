using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Taxonomy.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Taxonomy;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Taxonomy.Commands.UpdateTag;

/// <summary>
/// <c>PUT /admin/tags/{id}</c> (admin): renames the tag (<c>names</c> per language, optionally a new
/// <c>slug</c>), or, with <c>merge_into</c> (another tag's id), moves every novel to that tag and
/// deletes this one. Answers the tag that remains, with its novel count.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record UpdateTagCommand(string Id, string? Slug, IReadOnlyList<TaxonNameInput>? Names, string? MergeInto, string? Lang) : IRequest<TaxonCountModel>, IUpdateTaxon;

public sealed class UpdateTagCommandValidator : AbstractValidator<UpdateTagCommand>
{
    public UpdateTagCommandValidator() => Include(new UpdateTaxonValidator());
}

public sealed class UpdateTagCommandHandler(IRepository<Tag> tags, IRepository<Novel> novels, INovelCatalogStats stats, IUnitOfWork unitOfWork, IClock clock)
    : IRequestHandler<UpdateTagCommand, TaxonCountModel>
{
    public async Task<TaxonCountModel> Handle(UpdateTagCommand request, CancellationToken cancellationToken)
    {
        var kept = await TaxonUpdate.ApplyAsync(
            tags, request, NovelsErrors.TagNotFound, unitOfWork,
            async (from, to, ct) =>
            {
                foreach (var novel in await novels.ListAsync(new NovelsWithTagSpec(from), ct))
                {
                    novel.ReplaceTag(from, to, clock.NowForStorage());
                }
            },
            cancellationToken);
        return TaxonListing.Of([kept], await stats.NovelsPerTagAsync(cancellationToken), request.Lang ?? NovelLanguages.English)[0];
    }
}
