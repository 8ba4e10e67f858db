using System.Net;
using System.Text.Json;
using CleanGames.Application.Identity.Commands.PurgeSpentTelegramProofs;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static CleanGames.IntegrationTests.Support.Json;
using static CleanGames.IntegrationTests.Support.TelegramLogins;

namespace CleanGames.IntegrationTests.Identity;

public sealed class TelegramHost : CleanGamesHost
{
    public const string BotToken = TelegramLogins.BotToken;

    // Telegram:AuthMaxAgeSeconds is left at its default (3600): the stale proofs below are an hour and a second old.
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Telegram:BotToken", BotToken);
        builder.UseSetting("Identity:AdminTelegramIds:0", "777000");
    }
}

/// <summary>
/// <c>POST /api/auth/telegram</c> against vectors computed independently of the server
/// (<see cref="TelegramLogins"/>): the Login Widget algorithm for flat bodies (seed 000) and the
/// Mini App algorithm for <c>init_data</c> (seed 003).
/// </summary>
public sealed class TelegramSignInTests(TelegramHost host) : IClassFixture<TelegramHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private long Now => host.Clock.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task A_valid_login_widget_body_signs_in_with_both_seeds_fields()
    {
        var body = WidgetBody(new() { ["id"] = 1001, ["first_name"] = "Ann", ["username"] = "ann_tg", ["language_code"] = "en", ["is_bot"] = false, ["allows_write_to_pm"] = true, ["auth_date"] = Now });
        var response = await _client.PostAsync("/api/auth/telegram", Body(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "access_token", "token_type", "token", "user");
        Assert.Equal("bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(json.GetProperty("access_token").GetString(), json.GetProperty("token").GetString());
        var user = json.GetProperty("user");
        Assert.Equal(JsonValueKind.String, user.GetProperty("user_id").ValueKind);
        Assert.Equal(1001, user.GetProperty("telegram_id").GetInt64());
        Assert.Equal("Ann", user.GetProperty("display_name").GetString());

        var me = await host.CreateClient().WithBearer(json.GetProperty("token").GetString()!).GetAsync("/api/v1/auth/me");
        Assert.Equal(user.GetProperty("user_id").GetString(), (await me.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString());
    }

    [Fact]
    public async Task One_telegram_user_is_one_account_and_its_profile_follows_telegram()
    {
        var first = await SignIn(WidgetBody(new() { ["id"] = 2002, ["first_name"] = "Bob", ["username"] = "bob_old", ["auth_date"] = Now }));
        var second = await SignIn(WidgetBody(new() { ["id"] = 2002, ["first_name"] = "Bob", ["username"] = "bob_new", ["auth_date"] = Now }));

        Assert.Equal(first.GetProperty("user").GetProperty("user_id").GetString(), second.GetProperty("user").GetProperty("user_id").GetString());
        Assert.Equal("bob_new", second.GetProperty("user").GetProperty("username").GetString());
    }

    [Fact]
    public async Task Null_fields_are_left_out_of_the_check_and_absent_ones_are_not_defaulted_in()
    {
        var fields = new Dictionary<string, object?> { ["id"] = 3003, ["first_name"] = "Cid", ["auth_date"] = Now };
        var body = WidgetBody(fields);
        body["last_name"] = null;
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/auth/telegram", Body(body))).StatusCode);
    }

    public static TheoryData<string> WidgetForgeries => new() { "tampered", "wrong_token", "stale", "future", "no_hash", "bad_hash" };

    [Theory]
    [MemberData(nameof(WidgetForgeries))]
    public async Task Forged_or_stale_widget_logins_are_401_without_saying_why(string forgery)
    {
        var authDate = forgery switch
        {
            "stale" => Now - 3601,
            "future" => Now + 600,
            _ => Now,
        };
        var body = WidgetBody(new() { ["id"] = 4004, ["first_name"] = "Dan", ["auth_date"] = authDate }, forgery == "wrong_token" ? "999:other-bot" : TelegramHost.BotToken);
        switch (forgery)
        {
            case "tampered":
                body["first_name"] = "Mallory";
                break;
            case "no_hash":
                body.Remove("hash");
                break;
            case "bad_hash":
                body["hash"] = "not-hex";
                break;
        }

        var response = await _client.PostAsync("/api/auth/telegram", Body(body));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "detail");
        Assert.Equal("Telegram authentication failed.", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_widget_body_missing_required_fields_is_422()
    {
        var response = await _client.PostAsync("/api/auth/telegram", Body("""{"first_name": "x", "hash": "00"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var locs = (await response.ReadJsonAsync()).GetProperty("detail").EnumerateArray()
            .Select(d => string.Join('.', d.GetProperty("loc").EnumerateArray().Select(l => l.ToString()))).ToArray();
        Assert.Contains("body.id", locs);
        Assert.Contains("body.auth_date", locs);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.PostAsync("/api/auth/telegram", Body("""{"init_data": 5}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.PostAsync("/api/auth/telegram", Body("[1,2]"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _client.PostAsync("/api/auth/telegram", Body("{nope"))).StatusCode);
    }

    [Fact]
    public async Task A_valid_mini_app_init_data_signs_in_even_with_awkward_characters_and_a_signature_field()
    {
        var user = """{"id":5005,"first_name":"Eve & Co = 100% +1","username":"eve","language_code":"ru","is_premium":true}""";
        var initData = InitData(new() { ["query_id"] = "AAH&x=1+2%3", ["user"] = user, ["auth_date"] = Now.ToString(System.Globalization.CultureInfo.InvariantCulture), ["signature"] = "sig+/=" });

        var response = await _client.PostAsync("/api/auth/telegram", Body(new { init_data = initData }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("Eve & Co = 100% +1", json.GetProperty("user").GetProperty("first_name").GetString());
        Assert.True(json.GetProperty("user").GetProperty("is_premium").GetBoolean());
    }

    public static TheoryData<string> MiniAppForgeries => new() { "tampered", "wrong_token", "stale", "future", "no_hash", "double_decoded" };

    [Theory]
    [MemberData(nameof(MiniAppForgeries))]
    public async Task Forged_or_stale_mini_app_logins_are_401(string forgery)
    {
        var authDate = forgery switch
        {
            "stale" => Now - 3601,
            "future" => Now + 600,
            _ => Now,
        };
        var fields = new Dictionary<string, string>
        {
            ["user"] = """{"id":6006,"first_name":"Fay %41"}""",
            ["auth_date"] = authDate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var initData = InitData(fields, forgery == "wrong_token" ? "999:other-bot" : TelegramHost.BotToken);
        initData = forgery switch
        {
            "tampered" => initData.Replace("Fay", "Mal", StringComparison.Ordinal),
            "no_hash" => string.Join('&', initData.Split('&').Where(p => !p.StartsWith("hash=", StringComparison.Ordinal))),
            // Decoding twice (as the seed's code did) would turn %2541 into "A"; we decode once.
            "double_decoded" => InitData(new() { ["user"] = """{"id":6006,"first_name":"Fay A"}""", ["auth_date"] = fields["auth_date"] }).Replace("Fay%20A", "Fay%20%2541", StringComparison.Ordinal),
            _ => initData,
        };

        var response = await _client.PostAsync("/api/auth/telegram", Body(new { init_data = initData }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertProperties(await response.ReadJsonAsync(), "detail");
    }

    [Fact]
    public async Task A_listed_telegram_id_is_an_administrator()
    {
        var json = await SignIn(WidgetBody(new() { ["id"] = 777000, ["first_name"] = "Boss", ["auth_date"] = Now }));
        Assert.Contains("admin", json.GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var admin = await host.CreateClient().WithBearer(json.GetProperty("token").GetString()!).GetAsync("/test/fastapi/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task A_login_widget_proof_signs_in_once_and_a_replay_is_401_whatever_the_case_of_its_hash()
    {
        var body = WidgetBody(new() { ["id"] = NewTelegramId(), ["first_name"] = "Hal", ["auth_date"] = Now });
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/auth/telegram", Body(body))).StatusCode);

        await AssertRefusedAsync(Body(body));
        await AssertRefusedAsync(Body(new Dictionary<string, object?>(body) { ["hash"] = ((string)body["hash"]!).ToUpperInvariant() }));
    }

    [Fact]
    public async Task A_mini_app_proof_signs_in_once_and_a_replay_is_401_whatever_the_case_of_its_hash()
    {
        var initData = InitData(new() { ["user"] = $$"""{"id":{{NewTelegramId()}},"first_name":"Ivy"}""", ["auth_date"] = Now.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/auth/telegram", Body(new { init_data = initData }))).StatusCode);

        await AssertRefusedAsync(Body(new { init_data = initData }));
        var hash = initData[(initData.LastIndexOf("hash=", StringComparison.Ordinal) + 5)..];
        await AssertRefusedAsync(Body(new { init_data = initData.Replace(hash, hash.ToUpperInvariant(), StringComparison.Ordinal) }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Simultaneous_uses_of_one_proof_sign_in_exactly_once(bool accountExists)
    {
        var telegramId = NewTelegramId();
        if (accountExists)
        {
            await SignIn(WidgetBody(new() { ["id"] = telegramId, ["first_name"] = "Jo", ["username"] = "jo_before", ["auth_date"] = Now }));
        }

        var body = WidgetBody(new() { ["id"] = telegramId, ["first_name"] = "Jo", ["auth_date"] = Now });
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.CreateClient().PostAsync("/api/auth/telegram", Body(body))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(5, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Telegram authentication failed.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        }
    }

    internal static long NewTelegramId() => Random.Shared.NextInt64(10_000_000, 9_000_000_000);

    private Task AssertRefusedAsync(HttpContent body) => AssertRefusedAsync(_client, body);

    internal static async Task AssertRefusedAsync(HttpClient client, HttpContent body)
    {
        var response = await client.PostAsync("/api/auth/telegram", body);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "detail");
        Assert.Equal("Telegram authentication failed.", json.GetProperty("detail").GetString());
    }

    private async Task<JsonElement> SignIn(Dictionary<string, object?> body)
    {
        var response = await _client.PostAsync("/api/auth/telegram", Body(body));
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }
}

/// <summary>
/// The purge of spent proofs, on a host of its own: it moves the clock an hour on, and access
/// tokens issued after that are not for the other Telegram tests' host.
/// </summary>
public sealed class SpentTelegramProofPurgeTests(TelegramHost host) : IClassFixture<TelegramHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private long Now => host.Clock.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task Spent_proofs_are_forgotten_by_a_quartz_job_only_once_they_are_too_old_to_be_accepted()
    {
        var older = WidgetBody(new() { ["id"] = TelegramSignInTests.NewTelegramId(), ["first_name"] = "Kim", ["auth_date"] = Now });
        await SignInAsync(older);
        host.Clock.Advance(TimeSpan.FromMinutes(30));
        var newer = WidgetBody(new() { ["id"] = TelegramSignInTests.NewTelegramId(), ["first_name"] = "Lee", ["auth_date"] = Now });
        await SignInAsync(newer);
        host.Clock.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgeSpentTelegramProofsCommand()));
        }

        // The newer proof is still young enough to be accepted, so it is still remembered; the older
        // one was forgotten only because its age refuses it anyway.
        await TelegramSignInTests.AssertRefusedAsync(_client, Body(newer));
        await TelegramSignInTests.AssertRefusedAsync(_client, Body(older));

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.Single(await scheduler.GetTriggersOfJob(new JobKey("identity.purge")));
    }

    private async Task SignInAsync(Dictionary<string, object?> body) =>
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/auth/telegram", Body(body))).StatusCode);
}

public sealed class TelegramNotConfiguredTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Without_a_bot_token_telegram_login_is_503_with_a_clear_message()
    {
        var response = await host.CreateClient().PostAsync("/api/auth/telegram", Body(new { init_data = "auth_date=1&hash=00" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Telegram:BotToken", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Spent proofs are kept in the database, so a restart does not make them usable again.</summary>
public sealed class TelegramReplayAcrossRestartTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task A_proof_spent_before_a_restart_is_still_refused_after_it()
    {
        var telegramId = Random.Shared.NextInt64(10_000_000, 9_000_000_000);
        Dictionary<string, object?> proof;
        await using (var before = new RestartingTelegramHost(DatabasePath))
        {
            await before.InitializeAsync();
            proof = WidgetBody(new() { ["id"] = telegramId, ["first_name"] = "Max", ["auth_date"] = before.Clock.GetUtcNow().ToUnixTimeSeconds() });
            Assert.Equal(HttpStatusCode.OK, (await before.CreateClient().PostAsync("/api/auth/telegram", Body(proof))).StatusCode);
            await before.StopAsync();
        }

        await using var after = new RestartingTelegramHost(DatabasePath);
        await after.InitializeAsync();
        var client = after.CreateClient();
        var replay = await client.PostAsync("/api/auth/telegram", Body(proof));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("Telegram authentication failed.", (await replay.ReadJsonAsync()).GetProperty("detail").GetString());

        var fresh = WidgetBody(new() { ["id"] = telegramId, ["first_name"] = "Max", ["username"] = "max_again", ["auth_date"] = after.Clock.GetUtcNow().ToUnixTimeSeconds() });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/auth/telegram", Body(fresh))).StatusCode);
    }

    private sealed class RestartingTelegramHost(string databasePath) : CleanGamesHost(databasePath)
    {
        protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseSetting("Telegram:BotToken", TelegramHost.BotToken);
    }
}
