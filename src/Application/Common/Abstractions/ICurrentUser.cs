namespace CleanGames.Application.Common.Abstractions;

/// <summary>
/// Who is making the request, as established by the transport from a verified token. Never built
/// from anything the client asserts in a body or query string.
/// </summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The account id (JWT <c>sub</c>); null when anonymous.</summary>
    long? AccountId { get; }

    IReadOnlyCollection<string> Roles { get; }

    /// <summary>The realtime connection the request arrived on (a socket or hub connection); null for plain HTTP.</summary>
    string? ConnectionId { get; }

    /// <summary>The client's address on a plain HTTP request (after trusted proxies); null on realtime connections and for the server itself.</summary>
    string? ClientAddress { get; }

    bool IsInRole(string role);
}

public static class Roles
{
    public const string User = "user";
    public const string Moderator = "moderator";
    public const string Admin = "admin";
}
