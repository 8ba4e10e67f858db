using CleanGames.Domain.Common;

namespace CleanGames.WebApi.Kitchen;

/// <summary>The Kitchen socket's own refusals, answered before the upgrade in the Clicker dialect.</summary>
public static class KitchenTransportErrors
{
    public static readonly DomainError UpgradeRequired = DomainError.Invalid("kitchen.upgrade_required", "This endpoint speaks WebSocket only.");
}
