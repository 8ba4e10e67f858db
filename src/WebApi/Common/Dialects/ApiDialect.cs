namespace CleanGames.WebApi.Common.Dialects;

/// <summary>The JSON envelope a route speaks (DESIGN "Response dialects").</summary>
public enum ApiDialect
{
    /// <summary>RFC 9457 <c>application/problem+json</c>: our own routes with no seed.</summary>
    ProblemDetails,

    /// <summary>Seeds 000 and 003: the model itself; errors <c>{"detail": ...}</c>, validation 422.</summary>
    FastApi,

    /// <summary>Seed 001: <c>{"status": 0, ...}</c>; errors <c>{"status": n, "message": ...}</c>.</summary>
    Clicker,

    /// <summary>Seed 002: <c>{"success": true, "data": ...}</c>; errors <c>{"success": false, "detail": ...}</c>.</summary>
    Gateway,

    /// <summary>Seed 004: <c>{"data", "meta"}</c>; errors <c>{"error": {code, message, details}, "meta"}</c>.</summary>
    Novels,
}

/// <summary>
/// Declares the dialect of a controller or action once; every success, application error,
/// model-binding error, 401, 403 and unexpected failure on it is written in that dialect.
/// Minimal-API groups use <c>.WithDialect(...)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class ApiDialectAttribute(ApiDialect dialect) : Attribute
{
    public ApiDialect Dialect { get; } = dialect;
}

/// <summary>Leaves an action's successful result as it is (no dialect envelope), e.g. a file or a redirect.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RawResponseAttribute : Attribute;

public static class ApiDialectEndpointExtensions
{
    public static TBuilder WithDialect<TBuilder>(this TBuilder builder, ApiDialect dialect)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiDialectAttribute(dialect));
}

/// <summary>
/// The status an endpoint answers request validation with, where it differs from its dialect's
/// (<c>/api/ingest</c> speaks Problem Details but refuses a bad batch with 422).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ValidationStatusAttribute(int status) : Attribute
{
    public int Status { get; } = status;
}
