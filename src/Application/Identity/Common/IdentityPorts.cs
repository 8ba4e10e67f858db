namespace CleanGames.Application.Identity.Common;

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Correct, but stored with an older algorithm or work factor: store a fresh hash.</summary>
    SuccessRehashNeeded,
}

/// <summary>Hashes passwords; the clear text is never stored or logged.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>Spends the time of a real verification, so an unknown login is not told apart by timing.</summary>
    void VerifyAgainstDummy(string password);
}

/// <summary>
/// Who is an administrator by configuration, read fresh each time: Telegram ids only
/// (<c>Identity:AdminTelegramIds</c>), because Telegram signs those identities. Emails are never
/// verified, so an email never makes an admin; the first one is the bootstrap admin.
/// </summary>
public interface IAdminDirectory
{
    bool IsAdminTelegramId(long? telegramId);
}
