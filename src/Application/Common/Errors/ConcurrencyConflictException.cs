namespace CleanGames.Application.Common.Errors;

/// <summary>
/// Someone else saved the same aggregate between our load and our save. The retry behaviour
/// re-runs the handler on fresh state; a client only sees this if every retry lost, and then as a
/// "try again" (503), never as a business conflict.
/// </summary>
public sealed class ConcurrencyConflictException(Exception? innerException = null)
    : Exception("The data was changed by another request at the same time.", innerException);
