using CleanGames.Domain.Common;

namespace CleanGames.Domain.Operations.Instances;

public static class InstanceErrors
{
    public static readonly DomainError InvalidId = DomainError.Invalid("operations.instance.invalid_id", "An instance id is 1–64 characters.");

    public static readonly DomainError TooManyTransports = DomainError.Invalid("operations.instance.too_many_transports", "An instance reports at most 64 transports.");
}
