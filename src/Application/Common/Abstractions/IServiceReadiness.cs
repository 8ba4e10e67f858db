namespace CleanGames.Application.Common.Abstractions;

/// <summary>
/// Whether start-up work (migrations, reference data) has completed. Until it has, the host
/// answers only its health endpoints; everything else gets 503 with <c>Retry-After</c>.
/// </summary>
public interface IServiceReadiness
{
    bool IsReady { get; }
}
