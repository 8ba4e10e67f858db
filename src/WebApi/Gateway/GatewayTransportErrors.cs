using CleanGames.Domain.Common;

namespace CleanGames.WebApi.Gateway;

/// <summary>
/// <c>/v1/connect</c>'s own refusals: the upgrade's, and the protocol codes of seed 002's error
/// frames (a use case's refusal carries its own code instead).
/// </summary>
public static class GatewayTransportErrors
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidFrame = "invalid_frame";
    public const string MissingRequestId = "missing_request_id";
    public const string UnsupportedVersion = "unsupported_version";
    public const string UnknownCommand = "unknown_command";
    public const string RateLimited = "rate_limited";
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    public static readonly DomainError UpgradeRequired = DomainError.Invalid("gateway.upgrade_required", "This endpoint speaks WebSocket only.");
}
