using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.BotAnalytics;

/// <summary>A host that verifies Telegram sign-ins, so bot owners sign in as the dashboard does (seed 003 <c>init_data</c>).</summary>
public sealed class BotAnalyticsHost : CleanGamesHost
{
    private long _nextTelegramId = 880_000_000 + Random.Shared.Next(1_000_000) * 10L;

    protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseSetting("Telegram:BotToken", TelegramLogins.BotToken);

    public long NewTelegramId() => Interlocked.Increment(ref _nextTelegramId);

    /// <summary>Signs the Telegram user in through <c>POST /api/auth/telegram</c> with a freshly signed <c>init_data</c>.</summary>
    public async Task<HttpClient> SignInAsync(long telegramId)
    {
        var client = CreateClient();
        var initData = TelegramLogins.InitData(new()
        {
            ["user"] = $$"""{"id":{{telegramId}},"first_name":"Owner {{telegramId}}"}""",
            ["auth_date"] = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });
        var response = await client.PostAsync("/api/auth/telegram", Body(new { init_data = initData }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.ReadJsonAsync()).GetProperty("access_token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new owner with a new bot: the owner's signed-in client, the bot's <c>uid</c> and its ingest key.</summary>
    public async Task<(HttpClient Owner, long Uid, string IngestKey)> RegisterBotAsync()
    {
        var owner = await SignInAsync(NewTelegramId());
        var response = await owner.PostAsync("/api/bots", Body(new { bot_token = NewBotToken() }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bot = await response.ReadJsonAsync();
        return (owner, bot.GetProperty("uid").GetInt64(), bot.GetProperty("ingest_key").GetString()!);
    }

    /// <summary><c>POST /api/ingest</c> with the key, expecting it accepted.</summary>
    public async Task IngestAsync(string ingestKey, object batch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = Body(batch) };
        request.Headers.Add("X-Ingest-Key", ingestKey);
        using var client = CreateClient();
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A bot token whose Telegram bot id is new to this host.</summary>
    public string NewBotToken() => $"{NewTelegramId()}:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_x";
}
