using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Taxonomy;
using MediatR;

namespace CleanGames.Application.Novels.Catalogue.Commands.CreateNovel;

/// <summary>One <c>localizations</c> entry of <c>POST /admin/novels</c>.</summary>
public sealed record NovelLocalizationInput(string? Lang = null, string? Title = null, string? Description = null, IReadOnlyList<string>? AltTitles = null, string? Author = null);

/// <summary>
/// Seed 004 <c>POST /admin/novels</c> (admin). <c>CoverImage</c> is plain base64; <c>Lang</c> (optional)
/// picks the language of the answer.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record CreateNovelCommand(
    string? Slug,
    string? TranslationStatus,
    int? OriginalChaptersCount,
    int? ReleaseYear,
    string? CoverImage,
    IReadOnlyList<NovelLocalizationInput>? Localizations,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? Genres,
    string? Lang = null) : IRequest<NovelModel>;

public sealed class CreateNovelCommandHandler(
    IRepository<Novel> novels,
    IRepository<CoverImage> covers,
    IRepository<Tag> tags,
    IRepository<Genre> genres,
    IUnitOfWork unitOfWork,
    IClock clock,
    NovelModelBuilder models) : IRequestHandler<CreateNovelCommand, NovelModel>
{
    public async Task<NovelModel> Handle(CreateNovelCommand request, CancellationToken cancellationToken)
    {
        var slug = request.Slug!;
        for (var attempt = 1; ; attempt++)
        {
            if (await novels.AnyAsync(new NovelBySlugSpec(slug), cancellationToken))
            {
                throw new DomainException(NovelsErrors.SlugTaken);
            }

            var now = clock.NowForStorage();
            var tagRows = await TaxaAsync(tags, request.Tags, s => Tag.Create(s, [], now), cancellationToken);
            var genreRows = await TaxaAsync(genres, request.Genres, s => Genre.Create(s, [], now), cancellationToken);
            var localizations = request.Localizations!
                .Select(l => new NovelLocalization(l.Lang!, l.Title!, l.Description, l.AltTitles, l.Author))
                .ToList();
            var cover = string.IsNullOrEmpty(request.CoverImage) ? null : Convert.FromBase64String(request.CoverImage);
            var novel = Novel.Create(
                slug,
                NovelsRules.StatusOf(request.TranslationStatus!),
                request.OriginalChaptersCount,
                request.ReleaseYear,
                localizations,
                tagRows.Select(t => t.Id).ToList(),
                genreRows.Select(g => g.Id).ToList(),
                hasCover: cover is not null,
                now);
            await novels.AddAsync(novel, cancellationToken);
            if (cover is not null)
            {
                await covers.AddAsync(CoverImage.For(novel.Id, cover, now), cancellationToken);
            }

            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateKeyException) when (attempt < 5)
            {
                // Another request took the slug (the next round answers SLUG_TAKEN) or created one
                // of the same new tags or genres first (the next round uses it).
                unitOfWork.DiscardChanges();
                continue;
            }

            return models.Build(novel, request.Lang, tagRows.ToDictionary(t => t.Id), genreRows.ToDictionary(g => g.Id));
        }
    }

    // Slugs of the reference data (or made before) are used as they are; an unknown one is made on the fly, named by its slug.
    private static async Task<List<T>> TaxaAsync<T>(IRepository<T> repository, IReadOnlyList<string>? slugs, Func<string, T> create, CancellationToken cancellationToken)
        where T : Taxon
    {
        var wanted = (slugs ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var existing = (await repository.ListAsync(new TaxaBySlugsSpec<T>(wanted, track: true), cancellationToken)).ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var result = new List<T>(wanted.Count);
        foreach (var slug in wanted)
        {
            if (!existing.TryGetValue(slug, out var taxon))
            {
                taxon = create(slug);
                await repository.AddAsync(taxon, cancellationToken);
            }

            result.Add(taxon);
        }

        return result;
    }
}
