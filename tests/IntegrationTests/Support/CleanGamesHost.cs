using System.Net.Http.Headers;
using System.Net.WebSockets;
using CleanGames.Application;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.WebApi.Common.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace CleanGames.IntegrationTests.Support;

/// <summary>
/// The real host (<c>Program</c>) on a real loopback port and a fresh SQLite database file, with
/// the test-only probe controllers, hub and handlers of this assembly added. One per test class
/// (<c>IClassFixture&lt;CleanGamesHost&gt;</c>); derive to change configuration.
/// </summary>
public class CleanGamesHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "integration-tests-signing-key-0123456789-abcdefghijklmnop";

    /// <summary>The bootstrap admin every test host creates at start (<c>Identity:BootstrapAdmin</c>).</summary>
    public const string AdminEmail = "admin@cleangames.test";
    public const string AdminPassword = "bootstrap-admin-password";

    private long? _adminId;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cleangames-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _ownsDatabase;

    public CleanGamesHost()
        : this(null)
    {
    }

    /// <summary>A host on the database file <paramref name="databasePath"/> (kept after the host stops), or on a fresh one of its own.</summary>
    protected CleanGamesHost(string? databasePath)
    {
        _ownsDatabase = databasePath is null;
        if (_ownsDatabase)
        {
            Directory.CreateDirectory(_directory);
        }

        DatabasePath = databasePath ?? Path.Combine(_directory, "cleangames.db");
        UseKestrel(0);
    }

    public string DatabasePath { get; protected init; }

    /// <summary>The host's clock; tests move time with <see cref="FakeTimeProvider.Advance"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Whether <see cref="InitializeAsync"/> waits for <c>/health/ready</c>.</summary>
    protected virtual bool WaitUntilReady => true;

    /// <summary>
    /// Whether Mafia phase deadlines are scheduled. Not on the fake clock: Quartz fires on real
    /// time at deadlines taken from the frozen clock, so a class sharing one host for longer than a
    /// phase would see every new phase end at once. Hosts on the real clock turn them on.
    /// </summary>
    protected virtual bool SchedulesPhaseDeadlines => false;

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public virtual async Task InitializeAsync()
    {
        StartServer();
        if (WaitUntilReady)
        {
            await WaitForReadyAsync(this);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeHostAsync();

    /// <summary>Stops the host gracefully (as SIGTERM would) and releases it.</summary>
    public Task StopAsync() => DisposeHostAsync();

    public static async Task WaitForReadyAsync(WebApplicationFactory<Program> host, TimeSpan? timeout = null)
    {
        using var client = host.CreateClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The host did not become ready: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// An HTTP client for the real server, as <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/>
    /// makes it (redirects, cookies), whose every response is also kept in <see cref="WireLog"/> so
    /// that <c>OpenApiConformanceTests</c> can hold the OpenAPI document to what the tests received.
    /// </summary>
    public new HttpClient CreateClient()
    {
        var handlers = new List<DelegatingHandler>();
        if (ClientOptions.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(ClientOptions.MaxAutomaticRedirections));
        }

        if (ClientOptions.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        // Innermost, so each redirect hop is recorded as the server sent it.
        handlers.Add(new WireRecorder(GetType().Name));
        return CreateDefaultClient(ClientOptions.BaseAddress, [.. handlers]);
    }

    /// <summary>An HTTP client for the real server carrying a token for this account and roles.</summary>
    public HttpClient CreateClientFor(long accountId, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IssueToken(accountId, roles));
        return client;
    }

    /// <summary>
    /// The account id of the bootstrap admin. Admin-only requests check the stored roles, so a token
    /// claiming <c>admin</c> passes only for this account (or another one granted the role).
    /// </summary>
    public long AdminId => _adminId ??= FindAccountId(AdminEmail)
        ?? throw new InvalidOperationException("The bootstrap admin was not created: is the host ready?");

    /// <summary>The id of the account with <paramref name="email"/>, read from the store; null when none has it.</summary>
    public long? FindAccountId(string email)
    {
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IReadRepository<Account>>();
        return accounts.FirstOrDefaultAsync(new AccountByEmailSpec(email)).GetAwaiter().GetResult()?.Id;
    }

    public string IssueToken(long accountId, params string[] roles) =>
        Services.GetRequiredService<IAccessTokenIssuer>().Issue(accountId, roles).Token;

    /// <summary>A raw WebSocket connected to <paramref name="path"/> on the real server.</summary>
    public async Task<ClientWebSocket> ConnectWebSocketAsync(string path, string? token = null, CancellationToken cancellationToken = default)
    {
        var socket = new ClientWebSocket();
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        }

        var uri = new UriBuilder(new Uri(BaseAddress, path)) { Scheme = BaseAddress.Scheme == "https" ? "wss" : "ws" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        return socket;
    }

    /// <summary>A SignalR client for a hub on the real server, speaking the platform's snake_case JSON.</summary>
    public HubConnection CreateHubConnection(string path, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions))
            .Build();

    /// <summary>
    /// A SignalR client that negotiates first and then connects over <paramref name="transport"/>,
    /// authenticated only by what <paramref name="pathAndQuery"/> carries (a browser's
    /// <c>?access_token=</c>): no header is set.
    /// </summary>
    public HubConnection CreateNegotiatingHubConnection(string pathAndQuery, HttpTransportType transport) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, pathAndQuery), options => options.Transports = transport)
            .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions))
            .Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString());
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        builder.UseSetting("Identity:BootstrapAdmin:Email", AdminEmail);
        builder.UseSetting("Identity:BootstrapAdmin:Password", AdminPassword);
        if (!SchedulesPhaseDeadlines)
        {
            // The sweep acts on the application clock, which these hosts move by hand; a class that
            // turns deadlines on (or tests the sweep) turns it back on.
            builder.UseSetting("Mafia:DeadlineSweepSeconds", "0");
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in far more often than any person; the limiter has its own tests.
        builder.UseSetting("RateLimiting:AuthenticationPermitsPerMinute", "100000");
        builder.UseSetting("RateLimiting:Novels:CataloguePerMinute", "100000");
        builder.UseSetting("RateLimiting:Novels:ReadingPerMinute", "100000");
        builder.UseSetting("RateLimiting:Novels:BookmarksPerHour", "100000");
        builder.UseSetting("RateLimiting:Novels:ContentPerHour", "100000");
        // Likewise for wrong passwords from the loopback address on a clock that never moves by
        // itself; the sign-in throttle's tests run with its real numbers.
        builder.UseSetting("Identity:SignInThrottle:FreeFailures", "100000");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddControllers().AddApplicationPart(typeof(CleanGamesHost).Assembly);
            services.AddMediatorHandlers(typeof(CleanGamesHost).Assembly);
            services.AddValidatorsForTests();
            services.RemoveApplicationClock();
            services.AddKeyedSingleton<TimeProvider>(ApplicationClock.Key, Clock);
            if (!SchedulesPhaseDeadlines)
            {
                services.Replace(ServiceDescriptor.Singleton<CleanGames.Application.Mafia.Games.Common.IPhaseDeadlineScheduler, NoPhaseDeadlines>());
            }
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestEndpointsStartupFilter>();
            services.Configure<CleanGames.WebApi.Common.Dialects.DialectRouteOptions>(routes => routes.MapPrefix("/test/gateway", CleanGames.WebApi.Common.Dialects.ApiDialect.Gateway));
        });
        ConfigureHost(builder);
    }

    /// <summary>Override to add settings (<c>builder.UseSetting</c>) or services for one test class.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }

    private async Task DisposeHostAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection on another thread; the temp folder is cleaned later.
        }
    }

    /// <summary>Maps the test-only SignalR hub after the product's own endpoints.</summary>
    private sealed class TestEndpointsStartupFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapHub<Probes.ProbeHub>("/test/hubs/probe"));
        };
    }
}

/// <summary>Phase deadlines that never fire: phases end early, or by an admin's <c>advance_phase</c>.</summary>
internal sealed class NoPhaseDeadlines : CleanGames.Application.Mafia.Games.Common.IPhaseDeadlineScheduler
{
    public Task ScheduleAsync(Guid gameId, int phaseNumber, DateTimeOffset deadline, CancellationToken cancellationToken) => Task.CompletedTask;
}
