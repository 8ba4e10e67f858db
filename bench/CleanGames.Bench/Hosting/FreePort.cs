using System.Net;
using System.Net.Sockets;

namespace CleanGames.Bench.Hosting;

internal static class FreePort
{
    /// <summary>
    /// A loopback port the OS just handed out. Another process could take it before the child binds;
    /// the child then exits and the readiness wait reports it instead of hanging.
    /// </summary>
    public static Uri NextLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}
