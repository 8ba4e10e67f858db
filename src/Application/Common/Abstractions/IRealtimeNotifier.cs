namespace CleanGames.Application.Common.Abstractions;

/// <summary>
/// The one way a use case pushes something to connected clients. Every transport a user is
/// connected through (raw WebSockets, SignalR hubs) receives the event, each in its own framing.
/// Publishing never waits for a slow client.
/// </summary>
public interface IRealtimeNotifier
{
    ValueTask PublishAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken = default);
}

/// <summary>
/// An event for one account's connections on one <paramref name="Topic"/> (a module's live
/// surface, e.g. <c>kitchen</c>). <paramref name="ExceptConnectionId"/> names the connection that
/// caused it, which already has the answer.
/// </summary>
/// <param name="Droppable">True for an event a slow reader may lose (a chat line) rather than lose its connection over.</param>
public sealed record RealtimeEvent(string Topic, string Name, long AccountId, object Payload, string? ExceptConnectionId = null, bool Droppable = false);
