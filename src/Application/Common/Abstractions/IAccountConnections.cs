namespace CleanGames.Application.Common.Abstractions;

/// <summary>Ends every live connection an account holds on this instance (raw WebSockets and hub connections), e.g. when it is banned.</summary>
public interface IAccountConnections
{
    ValueTask CloseAllAsync(long accountId, string reason, CancellationToken cancellationToken = default);
}
