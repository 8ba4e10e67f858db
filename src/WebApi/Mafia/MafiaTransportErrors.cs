using CleanGames.Domain.Common;

namespace CleanGames.WebApi.Mafia;

/// <summary>The Mafia sockets' own refusals, answered before the upgrade in the FastAPI dialect.</summary>
public static class MafiaTransportErrors
{
    public static readonly DomainError UpgradeRequired = DomainError.Invalid("mafia.upgrade_required", "This endpoint speaks WebSocket only.");
    public static readonly DomainError UserMismatch = DomainError.Forbidden("auth.user_mismatch", "user_id does not match the token.");
}
