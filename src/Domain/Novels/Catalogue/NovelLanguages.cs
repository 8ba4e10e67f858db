namespace CleanGames.Domain.Novels.Catalogue;

/// <summary>The languages seed 004 serves content in (<c>lang</c>).</summary>
public static class NovelLanguages
{
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = ["ru", "en", "zh", "ja", "ko", "fr", "de"];

    public static bool IsKnown(string? lang) => lang is not null && All.Contains(lang, StringComparer.Ordinal);
}
