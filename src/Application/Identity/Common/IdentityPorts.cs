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

/// <summary>Who is an administrator by configuration (<c>Identity:AdminEmails</c>, <c>Identity:AdminTelegramIds</c>), read fresh each time.</summary>
public interface IAdminDirectory
{
    bool IsAdminEmail(string? email);

    bool IsAdminTelegramId(long? telegramId);
}
