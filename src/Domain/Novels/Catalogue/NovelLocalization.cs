using CleanGames.Domain.Common.Text;

namespace CleanGames.Domain.Novels.Catalogue;

/// <summary>
/// A novel's texts in one language, kept exactly as sent, with their search forms (case and accents
/// folded, <see cref="SearchText"/>) so a catalogue search compares folded text to folded text in the store.
/// </summary>
public sealed class NovelLocalization
{
    // Alternative titles are joined with a separator no folded query can contain, so one search
    // never matches across two titles.
    public const char AltTitleSeparator = '\u001F';

    private List<string> _altTitles = [];

    private NovelLocalization()
    {
        Lang = string.Empty;
        Title = string.Empty;
        SearchTitle = string.Empty;
        SearchAltTitles = string.Empty;
        SearchAuthor = string.Empty;
    }

    public NovelLocalization(string lang, string title, string? description, IReadOnlyList<string>? altTitles, string? author)
    {
        if (!NovelLanguages.IsKnown(lang))
        {
            throw new Common.DomainException(NovelErrors.UnknownLanguage);
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new Common.DomainException(NovelErrors.TitleRequired);
        }

        Lang = lang;
        Title = title;
        Description = description;
        Author = author;
        _altTitles = altTitles?.ToList() ?? [];
        SearchTitle = SearchText.Fold(title);
        SearchAltTitles = string.Join(AltTitleSeparator, _altTitles.Select(SearchText.Fold));
        SearchAuthor = author is null ? string.Empty : SearchText.Fold(author);
    }

    public string Lang { get; private set; }

    /// <summary>The order the localizations were sent in; the first (0) is the fallback.</summary>
    public int Position { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public string? Author { get; private set; }

    public IReadOnlyList<string> AltTitles => _altTitles.AsReadOnly();

    public string SearchTitle { get; private set; }

    public string SearchAltTitles { get; private set; }

    public string SearchAuthor { get; private set; }

    internal void PlaceAt(int position) => Position = position;
}
