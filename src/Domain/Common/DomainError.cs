namespace CleanGames.Domain.Common;

/// <summary>
/// A refusal: a stable machine-readable code (<c>module.area.reason</c>, or a seed's own code) that
/// the API returns to clients, a message safe to show them, and its <see cref="ErrorKind"/>, which
/// decides the status each dialect answers with. Each module declares its errors in one catalogue
/// per layer (<c>GameErrors</c> in Domain, <c>MafiaErrors</c> in Application, ...).
/// </summary>
public sealed record DomainError(string Code, string Message, ErrorKind Kind = ErrorKind.RuleBroken)
{
    public static DomainError Invalid(string code, string message) => new(code, message, ErrorKind.Invalid);

    public static DomainError Unauthenticated(string code, string message) => new(code, message, ErrorKind.Unauthenticated);

    public static DomainError Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static DomainError NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static DomainError Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static DomainError RuleBroken(string code, string message) => new(code, message, ErrorKind.RuleBroken);

    public static DomainError TooMany(string code, string message) => new(code, message, ErrorKind.TooMany);

    public static DomainError Unavailable(string code, string message) => new(code, message, ErrorKind.Unavailable);

    public static DomainError Unprocessable(string code, string message) => new(code, message, ErrorKind.Unprocessable);
}
