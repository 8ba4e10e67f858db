using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Taxonomy;
using FluentValidation;

namespace CleanGames.Application.Novels.Taxonomy.Common;

/// <summary>A name to set: <c>{lang, name}</c>.</summary>
public sealed record TaxonNameInput(string? Lang = null, string? Name = null);

/// <summary>What renaming or merging a tag or a genre asks for.</summary>
public interface IUpdateTaxon
{
    string Id { get; }

    string? Slug { get; }

    IReadOnlyList<TaxonNameInput>? Names { get; }

    string? MergeInto { get; }

    string? Lang { get; }
}

public sealed class UpdateTaxonValidator : AbstractValidator<IUpdateTaxon>
{
    public const int MaxNameLength = 100;

    public UpdateTaxonValidator()
    {
        RuleFor(c => c.Slug).Must(Slugs.IsValid).When(c => c.Slug is not null).WithMessage("slug is lowercase letters, digits and hyphens.");
        RuleFor(c => c.Lang).KnownLanguage().When(c => c.Lang is not null);
        RuleFor(c => c.Names).Must(n => n!.Count <= NovelLanguages.All.Count).When(c => c.Names is not null).WithMessage("One name per language at most.");
        RuleForEach(c => c.Names).NotNull().WithMessage("A name is an object.").ChildRules(name =>
        {
            name.RuleFor(x => x!.Lang).KnownLanguage();
            name.RuleFor(x => x!.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("name may not be empty.")
                .MaximumLength(MaxNameLength).WithMessage($"name may be at most {MaxNameLength} characters.");
        });
        RuleFor(c => c.MergeInto).Null().When(c => c.Slug is not null || c.Names is { Count: > 0 })
            .WithMessage("merge_into renames nothing: send it alone.");
        RuleFor(c => c).Must(c => c.MergeInto is not null || c.Slug is not null || c.Names is { Count: > 0 })
            .OverridePropertyName("names").WithMessage("Send names or a slug to rename, or merge_into to merge.");
    }
}

/// <summary>The rename-or-merge both admin routes share.</summary>
public static class TaxonUpdate
{
    public static async Task<T> ApplyAsync<T>(
        IRepository<T> taxa,
        IUpdateTaxon request,
        DomainError notFound,
        IUnitOfWork unitOfWork,
        Func<Guid, Guid, CancellationToken, Task> moveNovels,
        CancellationToken cancellationToken)
        where T : Taxon
    {
        var id = NovelsRules.IdOf(request.Id) ?? throw new DomainException(notFound);
        var taxon = await taxa.FirstOrDefaultAsync(new TaxonByIdSpec<T>(id), cancellationToken) ?? throw new DomainException(notFound);
        if (request.MergeInto is not null)
        {
            var targetId = NovelsRules.IdOf(request.MergeInto);
            if (targetId == id)
            {
                throw new ValidationFailedException("merge_into", "merge_into names this very one: merge into another.");
            }

            var target = targetId is null ? null : await taxa.FirstOrDefaultAsync(new TaxonByIdSpec<T>(targetId.Value), cancellationToken)
                         ?? throw new DomainException(notFound);
            if (target is null)
            {
                throw new DomainException(notFound);
            }

            await moveNovels(taxon.Id, target.Id, cancellationToken);
            taxa.Delete(taxon);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return target;
        }

        taxon.Rename(request.Slug, (request.Names ?? []).Select(n => new TaxonName(n!.Lang!, n.Name!.Trim())).ToList());
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            unitOfWork.DiscardChanges();
            throw new DomainException(NovelsErrors.TaxonSlugTaken);
        }

        return taxon;
    }
}
