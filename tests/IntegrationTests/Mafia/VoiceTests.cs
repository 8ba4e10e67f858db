using System.Net;
using System.Text;
using System.Text.Json;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Voice;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>A host with an SFU configured.</summary>
public sealed class VoiceHost : CleanGamesHost
{
    public const string Url = "wss://voice.cleangames.test";
    public const string ApiKey = "APItestvoicekey";
    public const string ApiSecret = "test-voice-secret-of-at-least-32-bytes!";
    public const int TokenMinutes = 7;

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Voice:Url", Url);
        builder.UseSetting("Voice:ApiKey", ApiKey);
        builder.UseSetting("Voice:ApiSecret", ApiSecret);
        builder.UseSetting("Voice:TokenMinutes", TokenMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Seed 000 section 4, <c>/api/voice</c>: rooms, who may use them, and the LiveKit join token verified as an SFU would.</summary>
public sealed class VoiceTests(VoiceHost host) : IClassFixture<VoiceHost>
{
    private static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private async Task<string> CreateRoomAsync(long accountId, string gameId)
    {
        using var client = host.CreateClientFor(accountId);
        return (await OkJsonAsync(await client.PostAsync($"/api/voice/rooms?game_id={gameId}", null))).GetProperty("room_id").GetString()!;
    }

    private async Task<JsonElement> GetRoomAsync(long accountId, string roomId)
    {
        using var client = host.CreateClientFor(accountId);
        return await OkJsonAsync(await client.GetAsync($"/api/voice/rooms/{roomId}"));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(detail, (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    /// <summary>Validates as a LiveKit server does: HS256 over the API secret, the API key as issuer, no audience.</summary>
    internal static async Task<JsonWebToken> ValidateAsync(string token, string secret, string issuer = VoiceHost.ApiKey)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            // The host's clock is a fake one that starts at the real time and these tests never move it.
            ClockSkew = TimeSpan.FromMinutes(5),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    private static JsonElement Video(JsonWebToken token) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.EncodedPayload))).RootElement.GetProperty("video").Clone();

    [Fact]
    public async Task A_player_opens_the_game_s_room_and_every_later_create_answers_the_same_room()
    {
        var table = await MafiaTable.StartAsync(host);
        using var first = host.CreateClientFor(table.Ids[0]);
        var created = await OkJsonAsync(await first.PostAsync($"/api/voice/rooms?game_id={table.GameId}", null));
        Assert.Equal(["room_id"], created.EnumerateObject().Select(p => p.Name).ToArray());
        var roomId = created.GetProperty("room_id").GetString()!;
        Assert.True(Guid.TryParse(roomId, out _));

        Assert.Equal(roomId, await CreateRoomAsync(table.Ids[0], table.GameId));
        Assert.Equal(roomId, await CreateRoomAsync(table.Ids[2], table.GameId.ToUpperInvariant()));

        var other = await MafiaTable.StartAsync(host);
        Assert.NotEqual(roomId, await CreateRoomAsync(other.Ids[0], other.GameId));
    }

    [Fact]
    public async Task A_living_player_gets_a_token_that_joins_that_room_only_and_may_speak()
    {
        var table = await MafiaTable.StartAsync(host);
        var roomId = await CreateRoomAsync(table.Ids[1], table.GameId);
        var player = table.Ids[0];
        var now = host.Clock.GetUtcNow();

        var room = await GetRoomAsync(player, roomId);
        Assert.Equal(["room_id", "game_id", "url", "token", "expires_at", "can_publish"], room.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(roomId, room.GetProperty("room_id").GetString());
        Assert.Equal(table.GameId, room.GetProperty("game_id").GetString());
        Assert.Equal(VoiceHost.Url, room.GetProperty("url").GetString());
        Assert.True(room.GetProperty("can_publish").GetBoolean());

        var token = await ValidateAsync(room.GetProperty("token").GetString()!, VoiceHost.ApiSecret);
        Assert.Equal("HS256", token.Alg);
        Assert.Equal(VoiceHost.ApiKey, token.Issuer);
        Assert.Equal(player.ToString(System.Globalization.CultureInfo.InvariantCulture), token.Subject);
        Assert.Equal(now.ToUnixTimeSeconds(), new DateTimeOffset(token.ValidFrom).ToUnixTimeSeconds());
        Assert.Equal(TimeSpan.FromMinutes(VoiceHost.TokenMinutes), token.ValidTo - token.ValidFrom);
        Assert.Equal(new DateTimeOffset(token.ValidTo), room.GetProperty("expires_at").GetDateTimeOffset());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", room.GetProperty("expires_at").GetString());

        var video = Video(token);
        Assert.Equal(roomId, video.GetProperty("room").GetString());
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.True(video.GetProperty("canPublish").GetBoolean());
        Assert.True(video.GetProperty("canSubscribe").GetBoolean());
        Assert.True(video.GetProperty("canPublishData").GetBoolean());
        // One room only: no admin, create or list grant.
        Assert.Equal(["room", "roomJoin", "canPublish", "canSubscribe", "canPublishData"], video.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_or_claiming_another_key_fails_validation()
    {
        var table = await MafiaTable.StartAsync(host);
        var roomId = await CreateRoomAsync(table.Ids[0], table.GameId);
        var token = (await GetRoomAsync(table.Ids[0], roomId)).GetProperty("token").GetString()!;

        // The SFU's own validation is what makes the token worth anything: these must fail.
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => ValidateAsync(token, "another-secret-of-at-least-32-bytes-long!"));
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => ValidateAsync(token, VoiceHost.ApiSecret, issuer: "APIsomeoneelse"));

        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = VoiceHost.ApiKey,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "1", ["video"] = new Dictionary<string, object> { ["room"] = roomId, ["roomJoin"] = true, ["canPublish"] = true } },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("forger-secret-of-at-least-32-bytes-long!!")), SecurityAlgorithms.HmacSha256),
        });
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => ValidateAsync(forged, VoiceHost.ApiSecret));
    }

    [Fact]
    public async Task A_dead_player_still_joins_to_listen_but_may_not_speak()
    {
        var table = await MafiaTable.StartAsync(host);
        var victim = table.Citizens[0];
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(table.Mafia, "action", new { action = "kill", target_id = victim.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(host.AdminId, "advance_phase", null, "admin")).StatusCode);

        // The dead may still open the room (they stay at the table until the end).
        var roomId = await CreateRoomAsync(victim, table.GameId);
        var dead = await GetRoomAsync(victim, roomId);
        Assert.False(dead.GetProperty("can_publish").GetBoolean());
        var video = Video(await ValidateAsync(dead.GetProperty("token").GetString()!, VoiceHost.ApiSecret));
        Assert.Equal(roomId, video.GetProperty("room").GetString());
        Assert.True(video.GetProperty("roomJoin").GetBoolean());
        Assert.False(video.GetProperty("canPublish").GetBoolean());
        Assert.False(video.GetProperty("canPublishData").GetBoolean());
        Assert.True(video.GetProperty("canSubscribe").GetBoolean());

        var living = await GetRoomAsync(table.Mafia, roomId);
        Assert.True(living.GetProperty("can_publish").GetBoolean());
        Assert.True(Video(await ValidateAsync(living.GetProperty("token").GetString()!, VoiceHost.ApiSecret)).GetProperty("canPublish").GetBoolean());
    }

    [Fact]
    public async Task A_player_whose_voice_is_switched_off_gets_a_listen_only_token()
    {
        var accounts = new long[4];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = (await host.CreateClient().RegisterGameClientAsync()).AccountId;
        }

        var table = await MafiaTable.StartAsync(host, accounts: accounts);
        var roomId = await CreateRoomAsync(table.Ids[0], table.GameId);
        var muted = table.Ids[1];
        using (var admin = host.CreateClientFor(host.AdminId, "admin"))
        {
            await OkJsonAsync(await admin.PostAsync("/api/moderation/admin/restrict", CleanGames.IntegrationTests.Support.Json.Body(new { user_id = muted.ToString(), type = "voice", duration_hours = 1, reason = "shouting" })));
        }

        var room = await GetRoomAsync(muted, roomId);
        Assert.False(room.GetProperty("can_publish").GetBoolean());
        Assert.False(Video(await ValidateAsync(room.GetProperty("token").GetString()!, VoiceHost.ApiSecret)).GetProperty("canPublish").GetBoolean());
        Assert.True((await GetRoomAsync(table.Ids[2], roomId)).GetProperty("can_publish").GetBoolean());
    }

    [Fact]
    public async Task A_banned_player_is_refused_with_the_standing_s_reason()
    {
        var accounts = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            accounts.Add((await host.CreateClient().RegisterGameClientAsync()).AccountId);
        }

        var table = await MafiaTable.StartAsync(host, accounts: accounts.ToArray());
        var roomId = await CreateRoomAsync(accounts[0], table.GameId);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CleanGames.Infrastructure.Persistence.ApplicationDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.Id == accounts[1]);
            account.Ban();
            await db.SaveChangesAsync();
        }

        using var banned = host.CreateClientFor(accounts[1]);
        await AssertRefusedAsync(await banned.GetAsync($"/api/voice/rooms/{roomId}"), HttpStatusCode.Forbidden, "The account is banned.");
        await AssertRefusedAsync(await banned.PostAsync($"/api/voice/rooms?game_id={table.GameId}", null), HttpStatusCode.Forbidden, "The account is banned.");
    }

    [Fact]
    public async Task Strangers_unknown_and_malformed_ids_and_a_missing_game_id_are_refused()
    {
        var table = await MafiaTable.StartAsync(host);
        var roomId = await CreateRoomAsync(table.Ids[0], table.GameId);
        using var stranger = host.CreateClientFor(MafiaTable.NewAccount());
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        using var player = host.CreateClientFor(table.Ids[0]);

        foreach (var client in new[] { stranger, admin })
        {
            await AssertRefusedAsync(await client.PostAsync($"/api/voice/rooms?game_id={table.GameId}", null), HttpStatusCode.Forbidden, "You are not a player in this game.");
            await AssertRefusedAsync(await client.GetAsync($"/api/voice/rooms/{roomId}"), HttpStatusCode.Forbidden, "You are not a player in this game.");
        }

        await AssertRefusedAsync(await player.PostAsync($"/api/voice/rooms?game_id={Guid.NewGuid()}", null), HttpStatusCode.NotFound, "Game not found");
        await AssertRefusedAsync(await player.PostAsync("/api/voice/rooms?game_id=not-a-game", null), HttpStatusCode.NotFound, "Game not found");
        await AssertRefusedAsync(await player.GetAsync($"/api/voice/rooms/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "Voice room not found");
        await AssertRefusedAsync(await player.GetAsync("/api/voice/rooms/not-a-room"), HttpStatusCode.NotFound, "Voice room not found");
        // A game id is not a room id.
        await AssertRefusedAsync(await player.GetAsync($"/api/voice/rooms/{table.GameId}"), HttpStatusCode.NotFound, "Voice room not found");

        var missing = await player.PostAsync("/api/voice/rooms", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var error = (await missing.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("[\"query\",\"game_id\"]", error.GetProperty("loc").GetRawText());
        Assert.Equal("missing", error.GetProperty("type").GetString());

        var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/voice/rooms?game_id={table.GameId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/voice/rooms/{roomId}")).StatusCode);
    }

    [Fact]
    public async Task An_ended_game_s_room_can_be_neither_created_nor_joined()
    {
        var table = await MafiaTable.StartAsync(host);
        var roomId = await CreateRoomAsync(table.Ids[0], table.GameId);
        var unopened = await MafiaTable.StartAsync(host);
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        foreach (var gameId in new[] { table.GameId, unopened.GameId })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/game/admin/{gameId}/end?winner_team=citizens", null)).StatusCode);
        }

        using var player = host.CreateClientFor(table.Ids[0]);
        await AssertRefusedAsync(await player.GetAsync($"/api/voice/rooms/{roomId}"), HttpStatusCode.Conflict, "The game has ended; its voice room is closed.");
        await AssertRefusedAsync(await player.PostAsync($"/api/voice/rooms?game_id={table.GameId}", null), HttpStatusCode.Conflict, "The game has ended; its voice room is closed.");
        using var other = host.CreateClientFor(unopened.Ids[0]);
        await AssertRefusedAsync(await other.PostAsync($"/api/voice/rooms?game_id={unopened.GameId}", null), HttpStatusCode.Conflict, "The game has ended; its voice room is closed.");
    }

    [Fact]
    public async Task Concurrent_creates_by_every_player_open_one_room()
    {
        var table = await MafiaTable.StartAsync(host);
        var clients = table.Ids.Select(id => host.CreateClientFor(id)).ToArray();
        try
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 24)
                .Select(i => clients[i % clients.Length].PostAsync($"/api/voice/rooms?game_id={table.GameId}", null)));
            var ids = new List<string>();
            foreach (var response in responses)
            {
                ids.Add((await OkJsonAsync(response)).GetProperty("room_id").GetString()!);
            }

            Assert.Single(ids.Distinct());
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CleanGames.Infrastructure.Persistence.ApplicationDbContext>();
            var gameId = Guid.Parse(table.GameId);
            Assert.Equal(1, await db.Set<VoiceRoom>().CountAsync(r => r.GameId == gameId));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}

/// <summary>The default host sets no SFU: voice is off and says so, and the server still starts.</summary>
public sealed class VoiceOffTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Without_an_sfu_configured_voice_answers_503()
    {
        var table = await MafiaTable.StartAsync(host);
        using var player = host.CreateClientFor(table.Ids[0]);
        foreach (var response in new[] { await player.PostAsync($"/api/voice/rooms?game_id={table.GameId}", null), await player.GetAsync($"/api/voice/rooms/{Guid.NewGuid()}") })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Voice is not configured on this server.", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        }
    }
}
