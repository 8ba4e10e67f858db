using System.Text.Json;
using System.Text.Json.Nodes;
using CleanGames.Application.Common.Models;
using CleanGames.WebApi.Common.Http;
using CleanGames.WebApi.Common.Json;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>Renders successes and errors in one dialect's envelope.</summary>
public interface IDialectRenderer
{
    ApiDialect Dialect { get; }

    /// <summary>The status a request-validation failure gets in this dialect.</summary>
    int ValidationStatus { get; }

    string ErrorContentType => "application/json";

    /// <summary>
    /// Words an error the way this dialect's seed does, where the seed names one differently from
    /// its kind's status (seed 004 answers a taken email with 400 <c>EMAIL_TAKEN</c>, not 409).
    /// </summary>
    ApiError Adapt(ApiError error) => error;

    object RenderError(HttpContext context, ApiError error, int status);

    object? RenderSuccess(HttpContext context, object? value);
}

/// <summary>Seeds 000 and 003 (FastAPI): models as they are; <c>{"detail": ...}</c>.</summary>
internal sealed class FastApiRenderer : IDialectRenderer
{
    public ApiDialect Dialect => ApiDialect.FastApi;

    public int ValidationStatus => StatusCodes.Status422UnprocessableEntity;

    public object RenderError(HttpContext context, ApiError error, int status)
    {
        if (!error.IsValidation)
        {
            return new FastApiError(error.Message);
        }

        var items = error.FieldErrors.Count == 0
            ? [new FastApiValidationItem(["body"], error.Message, "value_error")]
            : error.FieldErrors.Select(f => new FastApiValidationItem(Loc(f), f.Message, FastApiType(f.Type))).ToArray();
        return new FastApiValidationError(items);
    }

    public object? RenderSuccess(HttpContext context, object? value) => value;

    private static object[] Loc(ApiFieldError field)
    {
        var loc = new List<object> { field.Location };
        if (string.IsNullOrEmpty(field.Field))
        {
            return [.. loc];
        }

        foreach (var segment in field.Field.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            loc.Add(bracket >= 0 ? segment[..bracket] : segment);
            if (bracket >= 0 && int.TryParse(segment.AsSpan(bracket + 1, segment.Length - bracket - 2), out var index))
            {
                loc.Add(index);
            }
        }

        return [.. loc];
    }

    // FluentValidation names its checks after validators; FastAPI clients know pydantic's types.
    private static string FastApiType(string type) => type switch
    {
        "NotEmptyValidator" or "NotNullValidator" or "missing" => "missing",
        "json_invalid" or "int_parsing" or "string_type" or "int_type" or "bool_type" or "enum" or "missing" => type,
        "MaximumLengthValidator" => "string_too_long",
        "MinimumLengthValidator" => "string_too_short",
        "EmailValidator" => "value_error",
        "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" or "LessThanOrEqualValidator"
            or "GreaterThanOrEqualValidator" or "LessThanValidator" or "GreaterThanValidator" => "value_error.number",
        _ => "value_error",
    };

    private sealed record FastApiError(string Detail);

    private sealed record FastApiValidationError(IReadOnlyList<FastApiValidationItem> Detail);

    private sealed record FastApiValidationItem(IReadOnlyList<object> Loc, string Msg, string Type);
}

/// <summary>Seed 001 (Click &amp; Cook): <c>{"status": 0, ...}</c>; errors <c>{"status": n, "message"}</c>.</summary>
internal sealed class ClickerRenderer : IDialectRenderer
{
    public ApiDialect Dialect => ApiDialect.Clicker;

    public int ValidationStatus => StatusCodes.Status400BadRequest;

    public object RenderError(HttpContext context, ApiError error, int status)
    {
        return new ClickerError(ClickerStatusCodes.For(error, status), error.SingleLineMessage());
    }

    public object? RenderSuccess(HttpContext context, object? value)
    {
        var result = new JsonObject { ["status"] = 0 };
        if (value is null)
        {
            return result;
        }

        var node = JsonSerializer.SerializeToNode(value, value.GetType(), WireJson.Options);
        if (node is JsonObject body)
        {
            foreach (var (name, property) in body.ToList())
            {
                if (name == "status")
                {
                    continue;
                }

                body.Remove(name);
                result[name] = property;
            }
        }
        else
        {
            result["data"] = node;
        }

        return result;
    }

    private sealed record ClickerError(int Status, string Message);
}

/// <summary>Seed 002 (game-client accounts): <c>{"success": true, "data"}</c>; errors <c>{"success": false, "detail"}</c>.</summary>
internal sealed class GatewayRenderer : IDialectRenderer
{
    public ApiDialect Dialect => ApiDialect.Gateway;

    public int ValidationStatus => StatusCodes.Status400BadRequest;

    public object RenderError(HttpContext context, ApiError error, int status)
    {
        return new GatewayError(false, error.SingleLineMessage());
    }

    public object? RenderSuccess(HttpContext context, object? value) => new GatewaySuccess(true, value);

    private sealed record GatewaySuccess(bool Success, object? Data);

    private sealed record GatewayError(bool Success, string Detail);
}

/// <summary>Seed 004 (Novels): <c>{"data", "meta": {timestamp, version}}</c> (+ <c>pagination</c>); errors with <c>meta.request_id</c>.</summary>
internal sealed class NovelsRenderer([FromKeyedServices(CleanGames.Application.Common.Abstractions.ApplicationClock.Key)] TimeProvider timeProvider) : IDialectRenderer
{
    public const string ApiVersion = "1.0";

    // Platform codes that seed 004 names in its own words.
    private static readonly Dictionary<string, string> SeedCodes = new(StringComparer.Ordinal)
    {
        [Domain.Identity.Accounts.AccountErrors.Banned.Code] = "ACCOUNT_BANNED",
        [Application.Identity.Common.IdentityErrors.InvalidCredentials.Code] = "INVALID_CREDENTIALS",
        [Application.Identity.Common.IdentityErrors.InvalidRefreshToken.Code] = "INVALID_REFRESH_TOKEN",
        [TransportErrors.RateLimited.Code] = "RATE_LIMIT_EXCEEDED",
        [Application.Novels.Common.NovelsErrors.NovelNotFound.Code] = "NOVEL_NOT_FOUND",
        [Application.Novels.Common.NovelsErrors.ChapterNotFound.Code] = "CHAPTER_NOT_FOUND",
        [Application.Novels.Common.NovelsErrors.TagNotFound.Code] = "TAG_NOT_FOUND",
        [Application.Novels.Common.NovelsErrors.GenreNotFound.Code] = "GENRE_NOT_FOUND",
        [Application.Novels.Common.NovelsErrors.SlugTaken.Code] = "SLUG_TAKEN",
        [Application.Novels.Common.NovelsErrors.TaxonSlugTaken.Code] = "SLUG_TAKEN",
        [Application.Novels.Common.NovelsErrors.ChapterNumberTaken.Code] = "CHAPTER_NUMBER_TAKEN",
        [Application.Novels.Common.NovelsErrors.BookmarkNotFound.Code] = "BOOKMARK_NOT_FOUND",
    };

    // Errors seed 004 answers with another status and its own words.
    private static readonly Dictionary<string, ApiError> SeedErrors = new(StringComparer.Ordinal)
    {
        [Application.Identity.Common.IdentityErrors.AccountExists.Code] = new(StatusCodes.Status400BadRequest, "EMAIL_TAKEN", "This email is already registered."),
    };

    public ApiDialect Dialect => ApiDialect.Novels;

    public ApiError Adapt(ApiError error) => SeedErrors.TryGetValue(error.Code, out var seed) ? seed : error;

    public int ValidationStatus => StatusCodes.Status422UnprocessableEntity;

    public object RenderError(HttpContext context, ApiError error, int status)
    {
        var code = IsSeedCode(error.Code) ? error.Code
            : SeedCodes.TryGetValue(error.Code, out var seedCode) ? seedCode
            : DefaultCode(status, error.IsValidation);
        var details = error.FieldErrors.Select(f => new NovelsErrorDetail(f.Field, f.Message)).ToArray();
        var message = error.IsValidation ? "Validation failed" : error.Message;
        return new NovelsError(new NovelsErrorBody(code, message, details), new NovelsErrorMeta(Timestamp(), RequestIdMiddleware.Get(context)));
    }

    public object? RenderSuccess(HttpContext context, object? value)
    {
        var meta = new NovelsMeta(Timestamp(), ApiVersion);
        if (value is IPagedBody body)
        {
            return new NovelsPage(body.Body, Pagination(body.Page), meta);
        }

        if (value is IPagedList page)
        {
            return new NovelsPage(page.Items, Pagination(page), meta);
        }

        return new NovelsSuccess(value, meta);
    }

    // Seed 004: has_prev is page > 1, even past the end of an empty list.
    private static NovelsPagination Pagination(IPagedList page) =>
        new(page.Page, page.PageSize, page.TotalPages, page.TotalCount, page.HasNext, page.Page > 1);

    private string Timestamp() => timeProvider.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    // Seed 004 codes are UPPER_SNAKE (NOVEL_NOT_FOUND); module codes pass through, others map by status.
    private static bool IsSeedCode(string code) => code.Length > 0 && code.All(c => c is (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9'));

    private static string DefaultCode(int status, bool validation) => validation ? "VALIDATION_ERROR" : status switch
    {
        StatusCodes.Status400BadRequest => "BAD_REQUEST",
        StatusCodes.Status401Unauthorized => "UNAUTHORIZED",
        StatusCodes.Status403Forbidden => "ACCESS_DENIED",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status405MethodNotAllowed => "METHOD_NOT_ALLOWED",
        StatusCodes.Status409Conflict => "CONFLICT",
        StatusCodes.Status413PayloadTooLarge => "PAYLOAD_TOO_LARGE",
        StatusCodes.Status415UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
        StatusCodes.Status422UnprocessableEntity => "VALIDATION_ERROR",
        StatusCodes.Status429TooManyRequests => "RATE_LIMIT_EXCEEDED",
        StatusCodes.Status503ServiceUnavailable => "SERVICE_UNAVAILABLE",
        _ => "INTERNAL_ERROR",
    };

    private sealed record NovelsMeta(string Timestamp, string Version);

    private sealed record NovelsSuccess(object? Data, NovelsMeta Meta);

    private sealed record NovelsPagination(int CurrentPage, int PerPage, int TotalPages, long TotalItems, bool HasNext, bool HasPrev);

    private sealed record NovelsPage(object Data, NovelsPagination Pagination, NovelsMeta Meta);

    private sealed record NovelsErrorDetail(string Field, string Message);

    private sealed record NovelsErrorBody(string Code, string Message, IReadOnlyList<NovelsErrorDetail> Details);

    private sealed record NovelsErrorMeta(string Timestamp, string RequestId);

    private sealed record NovelsError(NovelsErrorBody Error, NovelsErrorMeta Meta);
}

/// <summary>Our own routes: RFC 9457 problem details with the error code and field errors as extensions.</summary>
internal sealed class ProblemDetailsRenderer : IDialectRenderer
{
    public ApiDialect Dialect => ApiDialect.ProblemDetails;

    public int ValidationStatus => StatusCodes.Status400BadRequest;

    public string ErrorContentType => "application/problem+json";

    public object RenderError(HttpContext context, ApiError error, int status)
    {
        Dictionary<string, string[]>? errors = null;
        if (error.FieldErrors.Count > 0)
        {
            errors = error.FieldErrors
                .GroupBy(f => f.Field)
                .ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        }

        return new Problem(
            $"https://httpstatuses.io/{status}",
            ReasonPhrase(status),
            status,
            error.Message,
            context.Request.Path.Value ?? string.Empty,
            error.Code,
            RequestIdMiddleware.Get(context),
            errors);
    }

    public object? RenderSuccess(HttpContext context, object? value) => value;

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    private sealed record Problem(string Type, string Title, int Status, string Detail, string Instance, string Code, string RequestId, Dictionary<string, string[]>? Errors);
}
