using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.IntegrationTests.Kitchen;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>A host with one-minute access tokens and tight socket bounds.</summary>
public sealed class ShortCredentialsHost : CleanGamesHost
{
    public const int MaxPerAddress = 12;

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jwt:AccessTokenMinutes", "1");
        builder.UseSetting("Realtime:AuthenticateWithinSeconds", "1");
        builder.UseSetting("Realtime:MaxConnectionsPerAddress", MaxPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>No connection outlives its credentials, and a client cannot make the server hold sockets without bound.</summary>
public sealed class ConnectionCredentialsTests(ShortCredentialsHost host) : IClassFixture<ShortCredentialsHost>
{
    [Theory]
    [InlineData("/hubs/notifications", 70_002)]
    [InlineData("/hubs/reader", 70_003)]
    public async Task A_hub_connection_is_closed_when_its_token_expires(string hub, long accountId)
    {
        var expires = host.Clock.GetUtcNow().AddSeconds(3);
        await using var connection = host.CreateHubConnection(hub, Token(host, accountId, expires));
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error => { closed.TrySetResult(error); return Task.CompletedTask; };
        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Connected, connection.State);

        var ended = await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(closed.Task, ended);
    }

    [Fact]
    public async Task Silent_tokenless_kitchen_sockets_are_closed_within_seconds_and_one_address_holds_a_bounded_number()
    {
        var sockets = new List<ClientWebSocket>();
        var refused = 0;
        try
        {
            for (var i = 0; i < ShortCredentialsHost.MaxPerAddress + 8; i++)
            {
                try
                {
                    sockets.Add(await host.ConnectWebSocketAsync("/ws"));
                }
                catch (WebSocketException)
                {
                    refused++;
                }
            }

            // Other tests of this class may hold a socket from this address too.
            Assert.InRange(sockets.Count, 1, ShortCredentialsHost.MaxPerAddress);
            Assert.True(refused >= 8, $"only {refused} of the upgrades over the cap were refused");

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8));
            foreach (var socket in sockets)
            {
                var result = await socket.ReceiveAsync(new byte[1024], timeout.Token);
                Assert.Equal(WebSocketMessageType.Close, result.MessageType);
                Assert.Equal(4001, (int)socket.CloseStatus!);
            }
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }

        // Once they are gone the address may connect again.
        await WaitUntilAsync(async () =>
        {
            try
            {
                using var again = await host.ConnectWebSocketAsync("/ws");
                return true;
            }
            catch (WebSocketException)
            {
                return false;
            }
        });
    }

    [Fact]
    public async Task A_reconnect_token_is_refused_after_logout_and_a_banned_account_cannot_connect()
    {
        var client = host.CreateClient();
        var (accountId, username, _, password) = await client.RegisterGameClientAsync();
        var login = await client.LoginGameClientAsync(username, password);
        var token = login.GetProperty("token").GetString()!;

        string reconnect;
        using (var socket = await host.ConnectWebSocketAsync("/ws/notifications?token=" + token))
        {
            var connected = await ReceiveAsync(socket);
            Assert.Equal("connected", connected.GetProperty("type").GetString());
            reconnect = connected.GetProperty("reconnect_token").GetString()!;
        }

        using (var reopened = await host.ConnectWebSocketAsync("/ws/notifications?reconnect_token=" + Uri.EscapeDataString(reconnect)))
        {
            Assert.Equal("connected", (await ReceiveAsync(reopened)).GetProperty("type").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/auth/logout", Body(new { refresh_token = login.GetProperty("refresh_token").GetString() }))).StatusCode);
        var afterLogout = await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectWebSocketAsync("/ws/notifications?reconnect_token=" + Uri.EscapeDataString(reconnect)));
        Assert.Contains("401", afterLogout.Message, StringComparison.Ordinal);

        using (var scope = host.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<IRepository<Account>>();
            var account = (await accounts.GetByIdAsync(accountId))!;
            account.Ban();
            await accounts.SaveChangesAsync();
        }

        var banned = await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectWebSocketAsync("/ws/notifications?token=" + Token(host, accountId, host.Clock.GetUtcNow().AddMinutes(1))));
        Assert.Contains("403", banned.Message, StringComparison.Ordinal);
        var bannedGateway = await Assert.ThrowsAsync<WebSocketException>(() => host.ConnectWebSocketAsync("/v1/connect", Token(host, accountId, host.Clock.GetUtcNow().AddMinutes(1))));
        Assert.Contains("403", bannedGateway.Message, StringComparison.Ordinal);
        await using var hub = host.CreateHubConnection("/hubs/notifications", Token(host, accountId, host.Clock.GetUtcNow().AddMinutes(1)));
        var hubClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ => { hubClosed.TrySetResult(); return Task.CompletedTask; };
        try
        {
            await hub.StartAsync();
        }
        catch (Exception)
        {
            hubClosed.TrySetResult();
        }

        // The hub refuses the banned account as the connection opens: it is closed at once.
        Assert.Same(hubClosed.Task, await Task.WhenAny(hubClosed.Task, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    internal static string Token(CleanGamesHost host, long accountId, DateTimeOffset expires)
    {
        var now = host.Clock.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "cleangames",
            Audience = "cleangames",
            Claims = new Dictionary<string, object> { ["sub"] = accountId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "user" },
            // Valid since long ago: other tests of the class move the host's clock ahead of the real one.
            IssuedAt = now.AddDays(-1).UtcDateTime,
            NotBefore = now.AddDays(-1).UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(CleanGamesHost.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    internal static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, timeout.Token);
        return JsonDocument.Parse(buffer.AsMemory(0, result.Count)).RootElement.Clone();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 10 s");
            await Task.Delay(100);
        }
    }
}

/// <summary>
/// Tokens expiring under open sockets, on a host of their own (they move its clock): a socket closes
/// (4001), except Kitchen <c>/ws</c>, whose seed carries a token in every request: there an expired one
/// is refused per request.
/// </summary>
public sealed class ExpiringTokenTests(ExpiringTokenTests.Host host) : IClassFixture<ExpiringTokenTests.Host>
{
    [Fact]
    public async Task A_kitchen_request_with_an_expired_token_gets_error_2_and_the_socket_stays_open()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();
        Assert.False((await player.RequestAsync("cook", new { token = player.Token })).TryGetProperty("error", out _));

        host.Clock.Advance(TimeSpan.FromMinutes(2));

        var withToken = await player.RequestAsync("cook", new { token = player.Token });
        Assert.Equal(2, withToken.GetProperty("error").GetProperty("code").GetInt32());
        var withoutToken = await player.RequestAsync("cook");
        Assert.Equal(2, withoutToken.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(WebSocketState.Open, player.Socket!.State);
    }

    public sealed class Host : CleanGamesHost
    {
        protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseSetting("Jwt:AccessTokenMinutes", "1");
    }
}

/// <summary>An open <c>/v1/connect</c> socket whose token expires is closed (4001); on its own host, since it moves the clock.</summary>
public sealed class GatewayTokenExpiryTests(ExpiringTokenTests.Host host) : IClassFixture<ExpiringTokenTests.Host>
{
    [Fact]
    public async Task An_open_gateway_socket_is_closed_with_4001_when_its_token_expires()
    {
        using var socket = await host.ConnectWebSocketAsync("/v1/connect", ConnectionCredentialsTests.Token(host, 70_001, host.Clock.GetUtcNow().AddSeconds(60)));
        Assert.Equal("hello", (await ConnectionCredentialsTests.ReceiveAsync(socket)).GetProperty("type").GetString());

        host.Clock.Advance(TimeSpan.FromSeconds(61));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(new byte[4096], timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(4001, (int)socket.CloseStatus!);
    }
}
