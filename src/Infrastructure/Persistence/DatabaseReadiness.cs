using CleanGames.Application.Common.Abstractions;

namespace CleanGames.Infrastructure.Persistence;

internal sealed class DatabaseReadiness : IServiceReadiness
{
    private volatile bool _isReady;

    public bool IsReady => _isReady;

    public void MarkReady() => _isReady = true;
}
