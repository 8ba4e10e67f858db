using System.Text.Json;
using CleanGames.Application.Common.Abstractions;
using MediatR;

namespace CleanGames.Application.Gateway.Queries.Ping;

/// <summary>
/// <c>system.ping</c>: echoes the client's <c>sent_at</c> (whatever JSON it was) with the server's
/// clock in seconds and milliseconds, so clients can measure round trips and sync countdowns.
/// </summary>
public sealed record PingQuery(JsonElement? SentAt) : IRequest<PingResult>;

public sealed record PingResult(JsonElement? SentAt, long ServerTime, long ServerTimeMs);

public sealed class PingQueryHandler(IClock clock) : IRequestHandler<PingQuery, PingResult>
{
    public Task<PingResult> Handle(PingQuery request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        return Task.FromResult(new PingResult(request.SentAt, now.ToUnixTimeSeconds(), now.ToUnixTimeMilliseconds()));
    }
}
