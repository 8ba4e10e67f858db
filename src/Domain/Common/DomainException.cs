namespace CleanGames.Domain.Common;

/// <summary>Thrown by an aggregate method when the change it was asked for would break a rule.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public DomainError Error { get; }

    public string Code => Error.Code;
}
