namespace CleanGames.Domain.Identity.Accounts;

/// <summary>The Telegram user an account signs in as, as Telegram last described them.</summary>
public sealed record TelegramIdentity(
    long TelegramId,
    string? Username,
    string? FirstName,
    string? LastName,
    string? LanguageCode,
    string? PhotoUrl,
    bool? IsPremium);
