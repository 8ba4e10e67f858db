using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>What went wrong, independent of any envelope; each dialect renders it its own way.</summary>
public sealed record ApiError(int Status, string Code, string Message)
{
    public IReadOnlyList<ApiFieldError> FieldErrors { get; init; } = [];

    public TimeSpan? RetryAfter { get; init; }

    public bool IsValidation => FieldErrors.Count > 0 || Code == ValidationCode;

    public const string ValidationCode = ValidationFailedException.Code;

    /// <summary>A refusal answered with the status of its kind (<see cref="ExceptionMapping.StatusOf"/>).</summary>
    public static ApiError From(DomainError error) => new(ExceptionMapping.StatusOf(error.Kind), error.Code, error.Message);

    public static ApiError Validation(IReadOnlyList<ApiFieldError> fieldErrors, string message = "Validation failed") =>
        new(StatusCodes.Status422UnprocessableEntity, ValidationCode, message) { FieldErrors = fieldErrors };

    /// <summary>For dialects whose errors are one string: the message, or every field error joined.</summary>
    public string SingleLineMessage() =>
        FieldErrors.Count == 0
            ? Message
            : string.Join("; ", FieldErrors.Select(f => string.IsNullOrEmpty(f.Field) ? f.Message : $"{f.Field}: {f.Message}"));

    public static ApiError Unauthenticated() => From(TransportErrors.Unauthenticated);

    public static ApiError Forbidden() => From(TransportErrors.Forbidden);
}

/// <summary>
/// One invalid input. <see cref="Location"/> says where it was read from (<c>body</c>, <c>query</c>,
/// <c>path</c>, <c>header</c>); <see cref="Field"/> is its wire name path (empty for the whole body).
/// </summary>
public sealed record ApiFieldError(string Location, string Field, string Message, string Type)
{
    public static ApiFieldError FromApplication(FieldError error) =>
        new("body", Json.WireJson.ToWireName(error.Field), error.Message, error.Code);
}
