using System.Collections.Frozen;
using System.Security.Claims;
using System.Text.Json;
using CleanGames.Application.Common.Errors;
using CleanGames.WebApi.Common.Json;
using CleanGames.WebApi.Common.Security;
using MediatR;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>
/// One <c>(domain, command)</c> that socket protocols can execute: how to read its payload and
/// which MediatR request it becomes. The same command then runs the same use case whether it
/// arrived over <c>/v1/connect</c>, a seed's own socket, or HTTP.
/// </summary>
public interface IRealtimeCommand
{
    string Domain { get; }

    string Command { get; }

    /// <summary>Runs the command in <paramref name="services"/> (a scope of its own) and returns the reply payload.</summary>
    Task<object?> ExecuteAsync(JsonElement payload, IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class RealtimeCommand<TPayload, TResponse>(string domain, string command, Func<TPayload, IRequest<TResponse>> toRequest) : IRealtimeCommand
{
    public string Domain { get; } = domain;

    public string Command { get; } = command;

    public async Task<object?> ExecuteAsync(JsonElement payload, IServiceProvider services, CancellationToken cancellationToken)
    {
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

        if (value is null)
        {
            throw new ValidationFailedException(string.Empty, "The payload must be a JSON object", "type_error");
        }

        var mediator = services.GetRequiredService<IMediator>();
        return await mediator.Send(toRequest(value), cancellationToken);
    }
}

/// <summary>A command that reads its payload as raw JSON (no copy): for payloads echoed back as they came.</summary>
internal sealed class RawRealtimeCommand<TResponse>(string domain, string command, Func<JsonElement, IRequest<TResponse>> toRequest) : IRealtimeCommand
{
    public string Domain { get; } = domain;

    public string Command { get; } = command;

    public async Task<object?> ExecuteAsync(JsonElement payload, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (payload.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            throw new ValidationFailedException(string.Empty, "The payload must be a JSON object", "type_error");
        }

        return await services.GetRequiredService<IMediator>().Send(toRequest(payload), cancellationToken);
    }
}

/// <summary>Every registered realtime command, found by domain and command name.</summary>
public sealed class RealtimeCommandRouter(IEnumerable<IRealtimeCommand> commands, IServiceScopeFactory scopes)
{
    private readonly FrozenDictionary<(string Domain, string Command), IRealtimeCommand> _commands =
        commands.ToFrozenDictionary(c => (c.Domain, c.Command));

    public bool TryGet(string domain, string command, out IRealtimeCommand? handler) =>
        _commands.TryGetValue((domain, command), out handler);

    /// <summary>
    /// Runs <paramref name="command"/> in a scope of its own as <paramref name="user"/>, who sent it
    /// on the socket <paramref name="connectionId"/>; returns the reply payload or throws what the use case threw.
    /// </summary>
    public async Task<object?> ExecuteAsync(IRealtimeCommand command, JsonElement payload, ClaimsPrincipal user, string connectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Use(user, connectionId);
        return await command.ExecuteAsync(payload, scope.ServiceProvider, cancellationToken);
    }
}

public static class RealtimeCommandRegistration
{
    /// <summary>
    /// Makes <paramref name="domain"/>.<paramref name="command"/> executable on the socket protocols:
    /// its payload is read as <typeparamref name="TPayload"/> (snake_case) and sent as the request
    /// <paramref name="toRequest"/> builds; the reply payload is the request's result.
    /// </summary>
    public static IServiceCollection AddRealtimeCommand<TPayload, TResponse>(
        this IServiceCollection services, string domain, string command, Func<TPayload, IRequest<TResponse>> toRequest) =>
        services.AddSingleton<IRealtimeCommand>(new RealtimeCommand<TPayload, TResponse>(domain, command, toRequest));

    /// <summary>
    /// Like <see cref="AddRealtimeCommand{TPayload, TResponse}"/> for a command that takes its payload
    /// as raw JSON; the element is valid until the reply has been written, and is not copied.
    /// </summary>
    public static IServiceCollection AddRawRealtimeCommand<TResponse>(
        this IServiceCollection services, string domain, string command, Func<JsonElement, IRequest<TResponse>> toRequest) =>
        services.AddSingleton<IRealtimeCommand>(new RawRealtimeCommand<TResponse>(domain, command, toRequest));
}
