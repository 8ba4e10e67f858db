using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Catalogue;

/// <summary>
/// A catalogue entry: its texts per language (the first sent is the fallback), its tags and genres
/// (by id, in the order sent) and its counters. Chapters are aggregates of their own; the novel
/// keeps what listing it needs from them (how many, when the last came) so no list joins them.
/// </summary>
public sealed class Novel : AggregateRoot<Guid>
{
    public const int MaxTags = 50;

    private readonly List<NovelLocalization> _localizations = [];
    private readonly List<NovelTag> _tags = [];
    private readonly List<NovelGenre> _genres = [];

    private Novel()
    {
        Slug = string.Empty;
    }

    public string Slug { get; private set; }

    public TranslationStatus TranslationStatus { get; private set; }

    public int? OriginalChaptersCount { get; private set; }

    public int? ReleaseYear { get; private set; }

    public bool HasCover { get; private set; }

    public long ViewsTotal { get; private set; }

    /// <summary>Views in the last 24 hours, as last aggregated (<c>views_daily</c>).</summary>
    public long ViewsDaily { get; private set; }

    public double Rating { get; private set; }

    public int RatingCount { get; private set; }

    public int BookmarksCount { get; private set; }

    public int ChaptersPublished { get; private set; }

    public DateTimeOffset? LastChapterAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<NovelLocalization> Localizations => _localizations.AsReadOnly();

    public IReadOnlyList<NovelTag> Tags => _tags.AsReadOnly();

    public IReadOnlyList<NovelGenre> Genres => _genres.AsReadOnly();

    public static Novel Create(
        string slug,
        TranslationStatus status,
        int? originalChaptersCount,
        int? releaseYear,
        IReadOnlyList<NovelLocalization> localizations,
        IReadOnlyList<Guid> tagIds,
        IReadOnlyList<Guid> genreIds,
        bool hasCover,
        DateTimeOffset now)
    {
        if (!Slugs.IsValid(slug))
        {
            throw new DomainException(NovelErrors.InvalidSlug);
        }

        if (localizations.Count == 0)
        {
            throw new DomainException(NovelErrors.NoLocalization);
        }

        if (localizations.Select(l => l.Lang).Distinct(StringComparer.Ordinal).Count() != localizations.Count)
        {
            throw new DomainException(NovelErrors.DuplicateLanguage);
        }

        var novel = new Novel
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            TranslationStatus = status,
            OriginalChaptersCount = originalChaptersCount,
            ReleaseYear = releaseYear,
            HasCover = hasCover,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < localizations.Count; i++)
        {
            localizations[i].PlaceAt(i);
            novel._localizations.Add(localizations[i]);
        }

        foreach (var tagId in tagIds.Distinct())
        {
            novel._tags.Add(new NovelTag(tagId, novel._tags.Count));
        }

        foreach (var genreId in genreIds.Distinct())
        {
            novel._genres.Add(new NovelGenre(genreId, novel._genres.Count));
        }

        return novel;
    }

    /// <summary>The texts in <paramref name="lang"/>; without them (or without a language), the first localization sent.</summary>
    public NovelLocalization Localized(string? lang) =>
        _localizations.FirstOrDefault(l => l.Lang == lang) ?? _localizations.OrderBy(l => l.Position).First();

    /// <summary>A chapter was published: the novel counts it and moves its <see cref="UpdatedAt"/>.</summary>
    public void ChapterPublished(DateTimeOffset publishedAt)
    {
        ChaptersPublished++;
        if (LastChapterAt is null || publishedAt > LastChapterAt)
        {
            LastChapterAt = publishedAt;
        }

        if (publishedAt > UpdatedAt)
        {
            UpdatedAt = publishedAt;
        }

        MarkChanged();
    }

    /// <summary>A reader bookmarked the novel. The count moves the novel's version (not its <see cref="UpdatedAt"/>), so two racing bookmarks never count as one.</summary>
    public void Bookmarked()
    {
        BookmarksCount++;
        MarkChanged();
    }

    /// <summary>A reader removed their bookmark of the novel.</summary>
    public void Unbookmarked()
    {
        if (BookmarksCount == 0)
        {
            throw new DomainException(NovelErrors.NegativeBookmarks);
        }

        BookmarksCount--;
        MarkChanged();
    }

    /// <summary>Adds counted views to the total and sets the last 24 hours' figure; neither moves <see cref="UpdatedAt"/>.</summary>
    public void RecordViews(long counted, long lastDay)
    {
        if (counted < 0 || lastDay < 0)
        {
            throw new DomainException(NovelErrors.NegativeViews);
        }

        ViewsTotal += counted;
        ViewsDaily = lastDay;
        MarkChanged();
    }

    /// <summary>Replaces tag <paramref name="from"/> with <paramref name="to"/> (a merge), keeping its place; a novel with both keeps one.</summary>
    public bool ReplaceTag(Guid from, Guid to, DateTimeOffset now) =>
        Replace(_tags, (id, position) => new NovelTag(id, position), from, to, now);

    /// <summary>As <see cref="ReplaceTag"/>, for genres.</summary>
    public bool ReplaceGenre(Guid from, Guid to, DateTimeOffset now) =>
        Replace(_genres, (id, position) => new NovelGenre(id, position), from, to, now);

    private bool Replace<TLink>(List<TLink> links, Func<Guid, int, TLink> link, Guid from, Guid to, DateTimeOffset now)
        where TLink : INovelLink
    {
        var at = links.FindIndex(l => l.LinkedId == from);
        if (at < 0 || from == to)
        {
            return false;
        }

        var position = links[at].Position;
        links.RemoveAt(at);
        if (links.All(l => l.LinkedId != to))
        {
            links.Add(link(to, position));
        }

        UpdatedAt = now > UpdatedAt ? now : UpdatedAt;
        MarkChanged();
        return true;
    }
}

/// <summary>What a novel's tags and genres share: the linked id and the place it was sent in.</summary>
public interface INovelLink
{
    Guid LinkedId { get; }

    int Position { get; }
}

/// <summary>A tag on a novel, in the place it was sent.</summary>
public sealed record NovelTag(Guid TagId, int Position) : INovelLink
{
    Guid INovelLink.LinkedId => TagId;
}

/// <summary>A genre on a novel, in the place it was sent.</summary>
public sealed record NovelGenre(Guid GenreId, int Position) : INovelLink
{
    Guid INovelLink.LinkedId => GenreId;
}
