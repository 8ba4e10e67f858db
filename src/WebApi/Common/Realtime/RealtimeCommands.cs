using System.Collections.Frozen;
using System.Security.Claims;
using System.Text.Json;
using CleanGames.Application.Common.Errors;
using CleanGames.WebApi.Common.Json;
using CleanGames.WebApi.Common.Security;
using MediatR;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>
/// Who runs a realtime command: the connection's verified user, the connection, and what the
/// connection is bound to (<see cref="Scope"/>: the game of a game socket), which a command's
/// payload does not need to repeat.
/// </summary>
public sealed record RealtimeCall(ClaimsPrincipal User, string ConnectionId, string? Scope = null);

/// <summary>
/// One <c>(domain, command)</c> that realtime transports can execute: how to read its payload and
/// which MediatR request it becomes. The same registration serves the seed's own socket, its hub,
/// and <c>/v1/connect</c>, so the same command runs the same use case on each.
/// </summary>
public interface IRealtimeCommand
{
    string Domain { get; }

    string Command { get; }

    /// <summary>Runs the command from a frame's JSON payload in <paramref name="services"/> (the call's scope).</summary>
    Task<object?> ExecuteAsync(JsonElement payload, RealtimeCall call, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Runs the command from a payload a hub method already bound.</summary>
    Task<object?> ExecuteAsync(object? payload, RealtimeCall call, IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class RealtimeCommand<TPayload, TResponse>(string domain, string command, Func<TPayload, RealtimeCall, IRequest<TResponse>> toRequest) : IRealtimeCommand
{
    public string Domain { get; } = domain;

    public string Command { get; } = command;

    public Task<object?> ExecuteAsync(JsonElement payload, RealtimeCall call, IServiceProvider services, CancellationToken cancellationToken) =>
        SendAsync(Read(payload), call, services, cancellationToken);

    public Task<object?> ExecuteAsync(object? payload, RealtimeCall call, IServiceProvider services, CancellationToken cancellationToken) =>
        payload is TPayload value
            ? SendAsync(value, call, services, cancellationToken)
            : throw new ArgumentException($"{Domain}.{Command} takes a {typeof(TPayload).Name}.", nameof(payload));

    private async Task<object?> SendAsync(TPayload payload, RealtimeCall call, IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<IMediator>().Send(toRequest(payload, call), cancellationToken);

    private static TPayload Read(JsonElement payload)
    {
        if (typeof(TPayload) == typeof(JsonElement))
        {
            // Raw payloads (echoed as they came) are not copied; the element lives until the reply is written.
            return payload.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object
                ? (TPayload)(object)payload
                : throw new ValidationFailedException(string.Empty, "The payload must be a JSON object", "type_error");
        }

        TPayload? value;
        try
        {
            value = payload.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                ? JsonSerializer.Deserialize<TPayload>("{}", WireJson.Options)
                : payload.Deserialize<TPayload>(WireJson.Options);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path[2..] : string.Empty;
            throw new ValidationFailedException(field, "Invalid payload", "type_error");
        }

        return value ?? throw new ValidationFailedException(string.Empty, "The payload must be a JSON object", "type_error");
    }
}

/// <summary>
/// The one realtime path: every registered command, found by domain and command name, and the one
/// way a transport runs a request as its connection's user (a scope of its own, the user made the
/// caller, the request sent through the MediatR pipeline). Sockets, hubs and <c>/v1/connect</c> all
/// dispatch here.
/// </summary>
public sealed class RealtimeCommandRouter(IEnumerable<IRealtimeCommand> commands, IServiceScopeFactory scopes)
{
    private readonly IRealtimeCommand[] _ordered = commands.ToArray();
    private readonly FrozenDictionary<(string Domain, string Command), IRealtimeCommand> _commands =
        commands.ToFrozenDictionary(c => (c.Domain, c.Command));

    public bool TryGet(string domain, string command, out IRealtimeCommand? handler) =>
        _commands.TryGetValue((domain, command), out handler);

    /// <summary>The commands of <paramref name="domain"/>, in the order they were registered.</summary>
    public IReadOnlyList<string> CommandsOf(string domain) =>
        _ordered.Where(c => c.Domain == domain).Select(c => c.Command).ToArray();

    /// <summary>Runs <paramref name="command"/> from a frame's payload; returns the reply payload or throws what the use case threw.</summary>
    public Task<object?> ExecuteAsync(IRealtimeCommand command, JsonElement payload, RealtimeCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return InScopeAsync(call, services => command.ExecuteAsync(payload, call, services, cancellationToken));
    }

    /// <summary>Runs <paramref name="domain"/>.<paramref name="command"/> from a payload a hub method bound.</summary>
    public Task<object?> InvokeAsync(string domain, string command, object? payload, RealtimeCall call, CancellationToken cancellationToken) =>
        TryGet(domain, command, out var handler)
            ? InScopeAsync(call, services => handler!.ExecuteAsync(payload, call, services, cancellationToken))
            : throw new InvalidOperationException($"No realtime command {domain}.{command} is registered.");

    /// <summary>Sends a request that is not a client command (a join, an attach) as the connection's user.</summary>
    public Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, RealtimeCall call, CancellationToken cancellationToken) =>
        InScopeAsync(call, services => services.GetRequiredService<IMediator>().Send(request, cancellationToken));

    private async Task<T> InScopeAsync<T>(RealtimeCall call, Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Use(call.User, call.ConnectionId);
        return await run(scope.ServiceProvider);
    }
}

public static class RealtimeCommandRegistration
{
    /// <summary>
    /// Makes <paramref name="domain"/>.<paramref name="command"/> executable on every realtime
    /// transport of its module and on <c>/v1/connect</c>: its payload is read as
    /// <typeparamref name="TPayload"/> (snake_case; <see cref="JsonElement"/> takes it raw, uncopied)
    /// and sent as the request <paramref name="toRequest"/> builds; the reply payload is the request's result.
    /// </summary>
    public static IServiceCollection AddRealtimeCommand<TPayload, TResponse>(
        this IServiceCollection services, string domain, string command, Func<TPayload, RealtimeCall, IRequest<TResponse>> toRequest) =>
        services.AddSingleton<IRealtimeCommand>(new RealtimeCommand<TPayload, TResponse>(domain, command, toRequest));
}

/// <summary>
/// One join handshake for hubs and sockets: subscribe first, then read the state and send it. A
/// transport that can hold what the subscription delivers until the state is out (a socket's
/// pusher) needs nothing more (<c>rereads: 0</c>). One that cannot (a SignalR group) reads again
/// while a read finds a newer version and sends that state too, so the last state a client gets is
/// current and no event is missed.
/// </summary>
public static class RealtimeJoin
{
    public const int MaxRereads = 3;

    /// <param name="rereadFailed">A read after the first state went out failed: the client already has a valid state and its events, so the join stands.</param>
    public static async Task<TState> RunAsync<TState>(
        Func<Task> subscribe, Func<Task<TState>> read, Func<TState, bool, Task> send, Func<TState, long> version, int rereads, Action<Exception> rereadFailed)
    {
        await subscribe();
        var state = await read();
        await send(state, true);
        for (var attempt = 0; attempt < rereads; attempt++)
        {
            TState again;
            try
            {
                again = await read();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                rereadFailed(exception);
                break;
            }

            if (version(again) == version(state))
            {
                break;
            }

            state = again;
            await send(state, false);
        }

        return state;
    }
}
