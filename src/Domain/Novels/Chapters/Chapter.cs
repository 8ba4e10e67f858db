using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Chapters;

/// <summary>
/// A chapter of a novel, published when it is created. Its number is unique within the novel (the
/// store's unique index holds that across racing creates); its title is one, not localized.
/// </summary>
public sealed class Chapter : AggregateRoot<Guid>
{
    private readonly List<ChapterContent> _contents = [];

    private Chapter()
    {
        Title = string.Empty;
    }

    public Guid NovelId { get; private set; }

    public int Number { get; private set; }

    public string Title { get; private set; }

    public string? Slug { get; private set; }

    public long Views { get; private set; }

    public int CommentsCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public IReadOnlyList<ChapterContent> Contents => _contents.AsReadOnly();

    public static Chapter Publish(Guid novelId, int number, string title, string? slug, IReadOnlyList<ChapterContent> contents, DateTimeOffset now)
    {
        if (number < 0)
        {
            throw new DomainException(ChapterErrors.NegativeNumber);
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException(ChapterErrors.TitleRequired);
        }

        if (contents.Count == 0)
        {
            throw new DomainException(ChapterErrors.NoContent);
        }

        if (contents.Select(c => c.Lang).Distinct(StringComparer.Ordinal).Count() != contents.Count)
        {
            throw new DomainException(ChapterErrors.DuplicateLanguage);
        }

        var chapter = new Chapter
        {
            Id = Guid.CreateVersion7(now),
            NovelId = novelId,
            Number = number,
            Title = title,
            Slug = slug,
            CreatedAt = now,
            PublishedAt = now,
        };
        for (var i = 0; i < contents.Count; i++)
        {
            contents[i].PlaceAt(i);
            chapter._contents.Add(contents[i]);
        }

        return chapter;
    }

    /// <summary>The content in <paramref name="lang"/>; without it, the first content sent.</summary>
    public ChapterContent ContentIn(string? lang) =>
        _contents.FirstOrDefault(c => c.Lang == lang) ?? _contents.OrderBy(c => c.Position).First();

    public void RecordViews(long counted)
    {
        if (counted < 0)
        {
            throw new DomainException(ChapterErrors.NegativeViews);
        }

        Views += counted;
        MarkChanged();
    }
}
