using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;

namespace CleanGames.Domain.Novels.Taxonomy;

/// <summary>
/// What tags and genres share: a unique slug and a name per language. One made on the fly from an
/// unknown slug has no names yet and is called by its slug until an admin names it.
/// </summary>
public abstract class Taxon : AggregateRoot<Guid>
{
    private readonly List<TaxonName> _names = [];

    protected Taxon()
    {
        Slug = string.Empty;
    }

    public string Slug { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<TaxonName> Names => _names.AsReadOnly();

    /// <summary>The name in <paramref name="lang"/>, else in English, else the slug.</summary>
    public string NameIn(string? lang) =>
        _names.FirstOrDefault(n => n.Lang == lang)?.Name
        ?? _names.FirstOrDefault(n => n.Lang == NovelLanguages.English)?.Name
        ?? Slug;

    /// <summary>Sets the names given (other languages keep theirs) and, when given, a new slug.</summary>
    public void Rename(string? slug, IReadOnlyList<TaxonName> names)
    {
        if (slug is not null)
        {
            Slug = Slugs.IsValid(slug) ? slug : throw new DomainException(TaxonErrors.InvalidSlug);
        }

        foreach (var name in names)
        {
            if (!NovelLanguages.IsKnown(name.Lang) || string.IsNullOrWhiteSpace(name.Name))
            {
                throw new DomainException(TaxonErrors.InvalidName);
            }

            _names.RemoveAll(n => n.Lang == name.Lang);
            _names.Add(name);
        }

        MarkChanged();
    }

    protected void Initialize(string slug, IEnumerable<TaxonName> names, DateTimeOffset now)
    {
        if (!Slugs.IsValid(slug))
        {
            throw new DomainException(TaxonErrors.InvalidSlug);
        }

        Id = Guid.CreateVersion7(now);
        Slug = slug;
        CreatedAt = now;
        _names.AddRange(names);
    }
}

/// <summary>A tag's or genre's name in one language.</summary>
public sealed record TaxonName(string Lang, string Name);

public sealed class Tag : Taxon
{
    private Tag()
    {
    }

    public static Tag Create(string slug, IEnumerable<TaxonName> names, DateTimeOffset now)
    {
        var tag = new Tag();
        tag.Initialize(slug, names, now);
        return tag;
    }
}

public sealed class Genre : Taxon
{
    private Genre()
    {
    }

    public static Genre Create(string slug, IEnumerable<TaxonName> names, DateTimeOffset now)
    {
        var genre = new Genre();
        genre.Initialize(slug, names, now);
        return genre;
    }
}
