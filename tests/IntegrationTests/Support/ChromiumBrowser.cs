using Microsoft.Playwright;

namespace CleanGames.IntegrationTests.Support;

/// <summary>
/// Debian's Chromium driven through Playwright, headless, one browser per test class. Playwright
/// cannot download browsers here, so it launches the system's (<c>CLEANGAMES_CHROMIUM</c>, default
/// <c>/usr/bin/chromium</c>); <c>scripts/test.sh</c> installs it. Without it every browser test fails
/// saying so.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CLEANGAMES_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}: the browser tests drive Debian's chromium. Run scripts/test.sh, which installs it (apt-get install chromium), or set CLEANGAMES_CHROMIUM to a Chromium binary.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    /// <summary>A fresh context and page on <paramref name="host"/>, recording every console error and failed request.</summary>
    public async Task<BrowserPage> OpenAsync(CleanGamesHost host, string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        var recorded = new BrowserPage(context, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                recorded.Errors.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => recorded.Errors.Add("page error: " + error);
        page.RequestFailed += (_, request) => recorded.Errors.Add($"request failed: {request.Method} {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                recorded.Errors.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        await page.GotoAsync(path);
        return recorded;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>An open page and what went wrong on it.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public List<string> Errors { get; } = [];

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
