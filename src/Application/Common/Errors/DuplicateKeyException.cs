namespace CleanGames.Application.Common.Errors;

/// <summary>
/// A save broke a unique key: another request inserted the same natural key first. Handlers turn
/// it into the business conflict it means ("already registered").
/// </summary>
public sealed class DuplicateKeyException(Exception? innerException = null)
    : Exception("A row with the same unique key already exists.", innerException);
