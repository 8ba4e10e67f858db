namespace CleanGames.Domain.Novels.Chapters;

/// <summary>A chapter's text in one language, exactly as sent, with its word count taken once at creation.</summary>
public sealed class ChapterContent
{
    private ChapterContent()
    {
        Lang = string.Empty;
        Content = string.Empty;
    }

    public ChapterContent(string lang, string content, ChapterSource source)
    {
        if (!Catalogue.NovelLanguages.IsKnown(lang))
        {
            throw new Common.DomainException(Catalogue.NovelErrors.UnknownLanguage);
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            throw new Common.DomainException(ChapterErrors.ContentRequired);
        }

        Lang = lang;
        Content = content;
        Source = source;
        WordCount = ChapterText.WordCount(content);
    }

    public string Lang { get; private set; }

    /// <summary>The order the contents were sent in; the first (0) is the fallback.</summary>
    public int Position { get; private set; }

    public string Content { get; private set; }

    public ChapterSource Source { get; private set; }

    public int WordCount { get; private set; }

    internal void PlaceAt(int position) => Position = position;
}
