namespace CleanGames.Domain.Common;

/// <summary>
/// What kind of refusal an error is. The transport turns a kind into each dialect's status in one
/// place, so no use case catches an error to change how it is answered.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request is malformed or a value is out of range (a field-level problem).</summary>
    Invalid,

    /// <summary>The caller is not authenticated, or its credentials are not valid.</summary>
    Unauthenticated,

    /// <summary>The caller is authenticated but may not do this.</summary>
    Forbidden,

    /// <summary>The thing the request names does not exist (or the caller may not know it does).</summary>
    NotFound,

    /// <summary>A real business conflict (already registered, lobby full): never a concurrency race.</summary>
    Conflict,

    /// <summary>A well-formed request that breaks a rule of the game or the product.</summary>
    RuleBroken,

    /// <summary>The caller has sent too much and may try again later.</summary>
    TooMany,

    /// <summary>Something the request needs is not configured or not reachable; nothing changed.</summary>
    Unavailable,

    /// <summary>
    /// A well-formed request that contradicts what the server already holds for it (an idempotency
    /// key first used for another request); nothing changed.
    /// </summary>
    Unprocessable,
}
