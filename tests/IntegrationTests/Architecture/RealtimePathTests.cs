using System.Text.RegularExpressions;

namespace CleanGames.IntegrationTests.Architecture;

/// <summary>
/// One realtime path: sockets and hubs reach MediatR only through <c>RealtimeCommandRouter</c>,
/// which alone makes a scope, acts as the connection's user and sends; controllers send their own requests,
/// as the caller <c>CurrentUserFilter</c> sets from the verified request principal.
/// </summary>
public sealed partial class RealtimePathTests
{
    [Fact]
    public void Only_the_router_and_controllers_send_requests_in_the_web_layer()
    {
        var offenders = SourceFiles.Under("WebApi")
            .Where(f => !f.EndsWith("Controller.cs", StringComparison.Ordinal)
                && Path.GetFileName(f) is not ("RealtimeCommands.cs" or "CurrentUserFilter.cs"))
            .Where(f => DirectDispatch().IsMatch(File.ReadAllText(f)))
            .Select(SourceFiles.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "Dispatch outside the realtime router: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"\bIMediator\b|CreateAsyncScope|HttpCurrentUser>\(\)\.Use\(|currentUser\.Use\(")]
    private static partial Regex DirectDispatch();
}
