using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>
/// Maps what a use case threw to an <see cref="ApiError"/>; nothing internal reaches the client.
/// <see cref="StatusOf"/> is the one place an <see cref="ErrorKind"/> becomes an HTTP status; a
/// dialect that words a particular error its own way adapts it in its renderer.
/// </summary>
public static class ExceptionMapping
{
    public static ApiError ToApiError(Exception exception) => exception switch
    {
        ValidationFailedException validation => ApiError.Validation(validation.Errors.Select(ApiFieldError.FromApplication).ToList()),
        DomainException e => ApiError.From(e.Error) with { RetryAfter = e.RetryAfter },
        ConcurrencyConflictException => ApiError.From(TransportErrors.Busy) with { RetryAfter = TimeSpan.FromSeconds(1) },
        BadHttpRequestException e => new ApiError(e.StatusCode, TransportErrors.InvalidRequest.Code, BadRequestMessage(e.StatusCode)),
        _ => new ApiError(StatusCodes.Status500InternalServerError, TransportErrors.InternalCode, "Internal server error"),
    };

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.RuleBroken => StatusCodes.Status400BadRequest,
        ErrorKind.TooMany => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>An error for a bare status code (no endpoint, 405, an action returning <c>NotFound()</c>).</summary>
    public static ApiError ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ApiError.Unauthenticated(),
        StatusCodes.Status403Forbidden => ApiError.Forbidden(),
        StatusCodes.Status404NotFound => ApiError.From(TransportErrors.NoRoute),
        StatusCodes.Status405MethodNotAllowed => new ApiError(status, TransportErrors.MethodNotAllowed.Code, TransportErrors.MethodNotAllowed.Message),
        StatusCodes.Status415UnsupportedMediaType => new ApiError(status, TransportErrors.UnsupportedMediaType.Code, TransportErrors.UnsupportedMediaType.Message),
        _ => new ApiError(status, TransportErrors.Failed.Code, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } p ? p : "Error"),
    };

    /// <summary>True for outcomes that are answers rather than faults; those are not logged as errors.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is DomainException or ValidationFailedException or BadHttpRequestException;

    private static string BadRequestMessage(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status408RequestTimeout => "Request timed out",
        _ => "Bad request",
    };
}
