namespace CleanGames.Domain.Common;

/// <summary>
/// A broken business rule: a stable machine-readable code (<c>module.area.reason</c>) that the API
/// returns to clients, and a human-readable message.
/// </summary>
public sealed record DomainError(string Code, string Message);
