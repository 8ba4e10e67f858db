namespace CleanGames.Domain.Common;

/// <summary>
/// The one exception for a coded refusal, whichever layer finds it: an aggregate method asked for a
/// change that would break a rule, a use case that finds nothing under an id, an adapter whose
/// dependency is not configured. Every layer may throw it because the shared kernel owns it.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error, TimeSpan? retryAfter = null)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        RetryAfter = retryAfter;
    }

    public DomainError Error { get; }

    public string Code => Error.Code;

    public ErrorKind Kind => Error.Kind;

    /// <summary>For <see cref="ErrorKind.TooMany"/>: when the caller may try again, if known.</summary>
    public TimeSpan? RetryAfter { get; }
}
