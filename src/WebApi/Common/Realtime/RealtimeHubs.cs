using Microsoft.AspNetCore.Http.Connections;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>What every SignalR hub of the platform is mapped with.</summary>
public static class RealtimeHubs
{
    /// <summary>
    /// A hub connection ends when the access token it was opened with expires (SignalR checks once a
    /// second); the client reconnects with a fresh token. Raw sockets get the same from
    /// <see cref="WebSocketConnectionTracker"/>.
    /// </summary>
    public static void CloseOnTokenExpiry(HttpConnectionDispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CloseOnAuthenticationExpiration = true;
    }
}
