namespace CleanGames.Application.Common.Errors;

/// <summary>
/// Base of the typed errors a use case throws. The application layer knows nothing about wire
/// envelopes: the transport maps each kind to a status code and to its module's dialect.
/// <see cref="Code"/> is stable and machine-readable (<c>module.area.reason</c>, or a seed's own
/// code such as <c>NOVEL_NOT_FOUND</c>); <see cref="Exception.Message"/> is safe to show a client.
/// </summary>
public abstract class AppException : Exception
{
    protected AppException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}

/// <summary>The thing a request names does not exist (or the caller may not know it exists).</summary>
public sealed class NotFoundException(string code, string message) : AppException(code, message)
{
    public NotFoundException(string code)
        : this(code, "The requested resource was not found.")
    {
    }
}

/// <summary>The caller is not authenticated, or its credentials are not valid.</summary>
public sealed class UnauthorizedException(string code, string message) : AppException(code, message)
{
    public UnauthorizedException()
        : this("auth.unauthenticated", "Authentication is required.")
    {
    }
}

/// <summary>The caller is authenticated but may not do this.</summary>
public sealed class ForbiddenException(string code, string message) : AppException(code, message)
{
    public ForbiddenException()
        : this("auth.forbidden", "You do not have permission to perform this action.")
    {
    }
}

/// <summary>A real business conflict (already registered, lobby full): never a concurrency race.</summary>
public sealed class ConflictException(string code, string message) : AppException(code, message);

/// <summary>A request that is well-formed but breaks a rule checked outside an aggregate.</summary>
public sealed class RuleViolationException(string code, string message) : AppException(code, message);

/// <summary>The caller has sent too much; it may try again after <see cref="RetryAfter"/>.</summary>
public sealed class TooManyRequestsException(string code, string message, TimeSpan retryAfter) : AppException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>A dependency the request needs is not configured or not reachable (e.g. no bot token).</summary>
public sealed class ServiceUnavailableException(string code, string message) : AppException(code, message);
