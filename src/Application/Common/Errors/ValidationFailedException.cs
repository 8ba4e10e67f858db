namespace CleanGames.Application.Common.Errors;

/// <summary>One invalid input: the field path as the request names it (dots between segments), why, and a code.</summary>
public sealed record FieldError(string Field, string Message, string Code);

/// <summary>The request's shape is invalid; carries one entry per failing field.</summary>
public sealed class ValidationFailedException : AppException
{
    public ValidationFailedException(IReadOnlyList<FieldError> errors)
        : base("validation.failed", "Validation failed")
    {
        Errors = errors;
    }

    public ValidationFailedException(string field, string message, string code = "validation.invalid")
        : this([new FieldError(field, message, code)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
