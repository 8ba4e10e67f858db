using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>Maps what a use case threw to an <see cref="ApiError"/>; nothing internal reaches the client.</summary>
public static class ExceptionMapping
{
    public static ApiError ToApiError(Exception exception) => exception switch
    {
        ValidationFailedException validation => ApiError.Validation(validation.Errors.Select(ApiFieldError.FromApplication).ToList()),
        NotFoundException e => new ApiError(StatusCodes.Status404NotFound, e.Code, e.Message),
        UnauthorizedException e => new ApiError(StatusCodes.Status401Unauthorized, e.Code, e.Message),
        ForbiddenException e => new ApiError(StatusCodes.Status403Forbidden, e.Code, e.Message),
        ConflictException e => new ApiError(StatusCodes.Status409Conflict, e.Code, e.Message),
        RuleViolationException e => new ApiError(StatusCodes.Status400BadRequest, e.Code, e.Message),
        TooManyRequestsException e => new ApiError(StatusCodes.Status429TooManyRequests, e.Code, e.Message) { RetryAfter = e.RetryAfter },
        ServiceUnavailableException e => new ApiError(StatusCodes.Status503ServiceUnavailable, e.Code, e.Message),
        DomainException e => new ApiError(StatusCodes.Status400BadRequest, e.Code, e.Error.Message),
        ConcurrencyConflictException => new ApiError(StatusCodes.Status503ServiceUnavailable, "server.busy", "The server is busy; please retry.") { RetryAfter = TimeSpan.FromSeconds(1) },
        BadHttpRequestException e => new ApiError(e.StatusCode, "request.invalid", BadRequestMessage(e.StatusCode)),
        _ => new ApiError(StatusCodes.Status500InternalServerError, "server.error", "Internal server error"),
    };

    /// <summary>An error for a bare status code (no endpoint, 405, an action returning <c>NotFound()</c>).</summary>
    public static ApiError ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ApiError.Unauthenticated(),
        StatusCodes.Status403Forbidden => ApiError.Forbidden(),
        StatusCodes.Status404NotFound => new ApiError(status, "request.not_found", "Not Found"),
        StatusCodes.Status405MethodNotAllowed => new ApiError(status, "request.method_not_allowed", "Method Not Allowed"),
        StatusCodes.Status415UnsupportedMediaType => new ApiError(status, "request.unsupported_media_type", "Unsupported media type: send application/json"),
        _ => new ApiError(status, "request.failed", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } p ? p : "Error"),
    };

    /// <summary>True for outcomes that are answers rather than faults; those are not logged as errors.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is AppException or DomainException or BadHttpRequestException;

    private static string BadRequestMessage(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status408RequestTimeout => "Request timed out",
        _ => "Bad request",
    };
}
