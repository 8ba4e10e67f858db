namespace CleanGames.Domain.Novels.Catalogue;

/// <summary>Seed 004 <c>translation_status</c>.</summary>
public enum TranslationStatus
{
    Ongoing,
    Completed,
    Paused,
    Dropped,
}
