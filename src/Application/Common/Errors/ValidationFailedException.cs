namespace CleanGames.Application.Common.Errors;

/// <summary>One invalid input: the field path as the request names it (dots between segments), why, and a code.</summary>
public sealed record FieldError(string Field, string Message, string Code);

/// <summary>
/// The request's shape is invalid; carries one entry per failing field. It is the one refusal that
/// is not a <see cref="Domain.Common.DomainException"/>, because each dialect lists its fields.
/// </summary>
public sealed class ValidationFailedException : Exception
{
    public const string Code = "validation.failed";

    public ValidationFailedException(IReadOnlyList<FieldError> errors)
        : base("Validation failed")
    {
        Errors = errors;
    }

    public ValidationFailedException(string field, string message, string code = "validation.invalid")
        : this([new FieldError(field, message, code)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
