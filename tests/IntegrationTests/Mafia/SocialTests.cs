using System.Net;
using System.Text.Json;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Domain.Mafia.Social;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>Seed 000 section 6, <c>/api/social</c>: catalogue gifts, linguistic ratings, reports and the reports rule, stats.</summary>
public sealed class SocialTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private static readonly string[] TransactionFields = ["id", "user_id", "amount", "type", "reason", "is_onchain", "tx_hash", "timestamp", "status"];

    private async Task<long[]> PlayersAsync(int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await host.CreateClient().RegisterGameClientAsync()).AccountId;
        }

        return ids;
    }

    private async Task GrantAsync(long playerId, long amount)
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var response = await admin.PostAsync("/api/economy/admin/grant", Body(new { user_id = playerId.ToString(), amount, reason = "test funds" }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<long> BalanceAsync(long playerId)
    {
        using var client = host.CreateClientFor(playerId);
        return (await (await client.GetAsync("/api/economy/balance")).ReadJsonAsync()).GetProperty("offchain").GetInt64();
    }

    private async Task<HttpResponseMessage> PostAsync(long caller, string path, object body, string? idempotencyKey = null)
    {
        using var client = host.CreateClientFor(caller);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    private async Task<JsonElement> StatsAsync(long of, long? reader = null)
    {
        using var client = host.CreateClientFor(reader ?? of);
        var response = await client.GetAsync($"/api/social/stats/{of}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private async Task EndAsync(MafiaTable table)
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/game/admin/{table.GameId}/end?winner_team=citizens", null)).StatusCode);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) => (await response.ReadJsonAsync()).GetProperty("detail").GetString()!;

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task The_gift_catalogue_lists_type_name_and_price_to_signed_in_users()
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var client = host.CreateClientFor(id);
        var response = await client.GetAsync("/api/social/gifts/catalog");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var gifts = (await response.ReadJsonAsync()).EnumerateArray().ToList();
        Assert.True(gifts.Count >= 3);
        Assert.All(gifts, g => Assert.Equal(["gift_type", "name", "price"], Names(g)));
        var rose = gifts.Single(g => g.GetProperty("gift_type").GetString() == "rose");
        Assert.Equal(("Rose", 10L), (rose.GetProperty("name").GetString(), rose.GetProperty("price").GetInt64()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/social/gifts/catalog")).StatusCode);
    }

    [Fact]
    public async Task A_gift_is_paid_from_the_senders_wallet_at_the_catalogue_price_and_the_receiver_hears_of_it()
    {
        var players = await PlayersAsync(2);
        var (sender, receiver) = (players[0], players[1]);
        await GrantAsync(sender, 100);
        using var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(receiver)}");
        await MafiaTable.NextAsync(socket, "type", "connected");

        var response = await PostAsync(sender, "/api/social/gifts/send", new { to_user = receiver.ToString(), gift_type = "cigar" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var debit = await response.ReadJsonAsync();
        Assert.Equal(TransactionFields, Names(debit));
        Assert.Equal((sender.ToString(), 50L, "debit", $"social_gift:cigar:{receiver}", false, "completed"), (debit.GetProperty("user_id").GetString(), debit.GetProperty("amount").GetInt64(), debit.GetProperty("type").GetString(), debit.GetProperty("reason").GetString(), debit.GetProperty("is_onchain").GetBoolean(), debit.GetProperty("status").GetString()));
        Assert.Equal((50L, 0L), (await BalanceAsync(sender), await BalanceAsync(receiver)));

        var notice = await MafiaTable.NextAsync(socket, "type", "notification");
        Assert.Equal("social_gift_received", notice.GetProperty("notification_type").GetString());
        var data = notice.GetProperty("data");
        Assert.Equal(["gift_id", "from_user", "gift_type", "price", "game_id"], Names(data));
        Assert.Equal((sender.ToString(), "cigar", 50L, JsonValueKind.Null), (data.GetProperty("from_user").GetString(), data.GetProperty("gift_type").GetString(), data.GetProperty("price").GetInt64(), data.GetProperty("game_id").ValueKind));

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var paid = await db.Set<LedgerTransaction>().AsNoTracking().SingleAsync(t => t.Id == Guid.Parse(debit.GetProperty("id").GetString()!));
        Assert.Equal(0, paid.Entries.Sum(e => e.Amount));
        Assert.Equal(50, paid.AmountFor(SystemAccounts.ShopRevenue));
        var gift = await db.Set<SocialGift>().AsNoTracking().SingleAsync(g => g.TransactionId == paid.Id);
        Assert.Equal((sender, receiver, "cigar", 50L), (gift.SenderId, gift.ReceiverId, gift.GiftType, gift.Price));
    }

    [Fact]
    public async Task A_retried_gift_with_its_idempotency_key_replays_the_first_answer_and_pays_once()
    {
        var players = await PlayersAsync(2);
        await GrantAsync(players[0], 100);
        var body = new { to_user = players[1].ToString(), gift_type = "coffee" };
        var first = await PostAsync(players[0], "/api/social/gifts/send", body, "social-gift-1");
        var again = await PostAsync(players[0], "/api/social/gifts/send", body, "social-gift-1");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(players[0], "/api/social/gifts/send", new { to_user = players[1].ToString(), gift_type = "rose" }, "social-gift-1")).StatusCode);
        Assert.Equal(75, await BalanceAsync(players[0]));
        Assert.Equal(1, (await StatsAsync(players[0])).GetProperty("gifts_sent").GetInt32());
    }

    [Fact]
    public async Task A_refused_gift_moves_nothing_and_says_why()
    {
        var players = await PlayersAsync(3);
        var (sender, receiver, outsider) = (players[0], players[1], players[2]);
        await GrantAsync(sender, 30);

        var unknown = await PostAsync(sender, "/api/social/gifts/send", new { to_user = receiver.ToString(), gift_type = "yacht" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(["body", "gift_type"], (await unknown.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(sender, "/api/social/gifts/send", new { to_user = receiver.ToString() })).StatusCode);

        var poor = await PostAsync(sender, "/api/social/gifts/send", new { to_user = receiver.ToString(), gift_type = "diamond" });
        Assert.Equal((HttpStatusCode.BadRequest, "Insufficient balance"), (poor.StatusCode, await DetailAsync(poor)));
        var self = await PostAsync(sender, "/api/social/gifts/send", new { to_user = sender.ToString(), gift_type = "rose" });
        Assert.Equal((HttpStatusCode.BadRequest, "You cannot send a gift to yourself"), (self.StatusCode, await DetailAsync(self)));
        var nobody = await PostAsync(sender, "/api/social/gifts/send", new { to_user = "987654321987", gift_type = "rose" });
        Assert.Equal((HttpStatusCode.NotFound, "User not found"), (nobody.StatusCode, await DetailAsync(nobody)));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(sender, "/api/social/gifts/send", new { to_user = "not-an-id", gift_type = "rose" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(sender, "/api/social/gifts/send", new { to_user = receiver.ToString(), gift_type = "rose", game_id = Guid.NewGuid().ToString() })).StatusCode);

        // A gift named after a game is between two of its players.
        var table = await MafiaTable.StartAsync(host, accounts: [sender, receiver, .. await PlayersAsync(2)]);
        var notSeated = await PostAsync(sender, "/api/social/gifts/send", new { to_user = outsider.ToString(), gift_type = "rose", game_id = table.GameId });
        Assert.Equal((HttpStatusCode.Forbidden, "The player did not play in this game."), (notSeated.StatusCode, await DetailAsync(notSeated)));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(outsider, "/api/social/gifts/send", new { to_user = receiver.ToString(), gift_type = "rose", game_id = table.GameId })).StatusCode);
        Assert.Equal(30, await BalanceAsync(sender));

        var atTable = await PostAsync(sender, "/api/social/gifts/send", new { to_user = receiver.ToString(), gift_type = "rose", game_id = table.GameId });
        Assert.Equal(HttpStatusCode.OK, atTable.StatusCode);
        Assert.Equal(20, await BalanceAsync(sender));

        // A gifts restriction refuses with its reason, as the economy gift does.
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/moderation/admin/restrict", Body(new { user_id = sender.ToString(), type = "gifts", duration_hours = 1, reason = "gift spam" }))).StatusCode);
        var restricted = await PostAsync(sender, "/api/social/gifts/send", new { to_user = receiver.ToString(), gift_type = "rose" });
        Assert.Equal(HttpStatusCode.Forbidden, restricted.StatusCode);
        Assert.Contains("gift spam", await DetailAsync(restricted));
        Assert.Equal(20, await BalanceAsync(sender));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsync("/api/social/gifts/send", Body(new { to_user = receiver.ToString(), gift_type = "rose" }))).StatusCode);
    }

    [Fact]
    public async Task Players_of_an_ended_game_rate_each_others_language_once_per_pair_language_and_game()
    {
        var players = await PlayersAsync(5);
        var (outsider, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var table = await MafiaTable.StartAsync(host, accounts: players);
        var (rater, rated) = (players[0], players[1]);
        object Rating(long who, string language = "en", int score = 4, string? game = null) => new { rated_user = who.ToString(), language, score, game_id = game ?? table.GameId };

        var early = await PostAsync(rater, "/api/social/linguistic/rate", Rating(rated));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("Players rate each other once the game has ended.", await DetailAsync(early));
        await EndAsync(table);

        var response = await PostAsync(rater, "/api/social/linguistic/rate", Rating(rated));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rating = await response.ReadJsonAsync();
        Assert.Equal(["rating_id", "rater_user", "rated_user", "language", "score", "game_id", "created_at"], Names(rating));
        Assert.Equal((rater.ToString(), rated.ToString(), "en", 4, table.GameId), (rating.GetProperty("rater_user").GetString(), rating.GetProperty("rated_user").GetString(), rating.GetProperty("language").GetString(), rating.GetProperty("score").GetInt32(), rating.GetProperty("game_id").GetString()));

        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(rater, "/api/social/linguistic/rate", Rating(rated, score: 5))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(rater, "/api/social/linguistic/rate", Rating(rated, "ru", 2))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(players[2], "/api/social/linguistic/rate", Rating(rated, score: 5))).StatusCode);

        var self = await PostAsync(rater, "/api/social/linguistic/rate", Rating(rater));
        Assert.Equal((HttpStatusCode.BadRequest, "You cannot rate yourself"), (self.StatusCode, await DetailAsync(self)));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(outsider, "/api/social/linguistic/rate", Rating(rated))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(rater, "/api/social/linguistic/rate", Rating(outsider))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(rater, "/api/social/linguistic/rate", Rating(rated, game: Guid.NewGuid().ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(rater, "/api/social/linguistic/rate", Rating(rated, game: "not-a-game"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(rater, "/api/social/linguistic/rate", new { rated_user = "987654321987", language = "en", score = 3, game_id = table.GameId })).StatusCode);
        foreach (var score in new[] { 0, 6, -1 })
        {
            var refused = await PostAsync(players[3], "/api/social/linguistic/rate", Rating(rated, score: score));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("score", (await refused.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc")[1].GetString());
        }

        foreach (var language in new[] { "english", "EN", "xx", "", "eng" })
        {
            var refused = await PostAsync(players[3], "/api/social/linguistic/rate", Rating(rated, language));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("language", (await refused.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc")[1].GetString());
        }

        var stats = await StatsAsync(rated, reader: outsider);
        Assert.Equal("""{"en":4.5,"ru":2}""", stats.GetProperty("linguistic_ratings").GetRawText());
    }

    [Fact]
    public async Task A_player_reports_a_co_player_once_per_game_with_a_bounded_reason()
    {
        var players = await PlayersAsync(5);
        var (outsider, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var table = await MafiaTable.StartAsync(host, accounts: players);
        var (reporter, reported) = (players[0], players[1]);

        var response = await PostAsync(reporter, "/api/social/report", new { reported_user = reported.ToString(), reason = "insults", game_id = table.GameId, evidence = "day 1 chat" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(["report_id", "reported_user", "game_id", "reason", "evidence", "status", "created_at"], Names(report));
        Assert.Equal((reported.ToString(), table.GameId, "insults", "day 1 chat", "open"), (report.GetProperty("reported_user").GetString(), report.GetProperty("game_id").GetString(), report.GetProperty("reason").GetString(), report.GetProperty("evidence").GetString(), report.GetProperty("status").GetString()));

        var again = await PostAsync(reporter, "/api/social/report", new { reported_user = reported.ToString(), reason = "again", game_id = table.GameId });
        Assert.Equal((HttpStatusCode.Conflict, "You have already reported this player in this game"), (again.StatusCode, await DetailAsync(again)));
        var self = await PostAsync(reporter, "/api/social/report", new { reported_user = reporter.ToString(), reason = "me", game_id = table.GameId });
        Assert.Equal((HttpStatusCode.BadRequest, "You cannot report yourself"), (self.StatusCode, await DetailAsync(self)));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(reporter, "/api/social/report", new { reported_user = outsider.ToString(), reason = "x", game_id = table.GameId })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(outsider, "/api/social/report", new { reported_user = reported.ToString(), reason = "x", game_id = table.GameId })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(reporter, "/api/social/report", new { reported_user = reported.ToString(), reason = "x", game_id = Guid.NewGuid().ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(players[2], "/api/social/report", new { reported_user = reported.ToString(), game_id = table.GameId })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(players[2], "/api/social/report", new { reported_user = reported.ToString(), reason = new string('r', 501), game_id = table.GameId })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(players[2], "/api/social/report", new { reported_user = reported.ToString(), reason = "x", game_id = table.GameId, evidence = new string('e', 2001) })).StatusCode);

        // An ended game's players may still report each other.
        await EndAsync(table);
        var late = await PostAsync(players[2], "/api/social/report", new { reported_user = reported.ToString(), reason = "cheating", game_id = table.GameId });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await late.ReadJsonAsync()).GetProperty("evidence").ValueKind);
    }

    [Fact]
    public async Task Reports_from_three_distinct_co_players_in_a_day_switch_the_players_chat_off_once()
    {
        var players = await PlayersAsync(5);
        var table = await MafiaTable.StartAsync(host, accounts: players);
        var target = table.Citizens[0];
        var reporters = players.Where(p => p != target).ToArray();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        async Task<JsonElement> StatusAsync() => await (await admin.GetAsync($"/api/moderation/status/{target}")).ReadJsonAsync();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(reporters[i], "/api/social/report", new { reported_user = target.ToString(), reason = "abuse", game_id = table.GameId })).StatusCode);
        }

        Assert.True((await StatusAsync()).GetProperty("can_chat").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(reporters[2], "/api/social/report", new { reported_user = target.ToString(), reason = "abuse", game_id = table.GameId })).StatusCode);
        var status = await StatusAsync();
        Assert.False(status.GetProperty("can_chat").GetBoolean());
        Assert.True(status.GetProperty("can_play").GetBoolean());
        var restriction = Assert.Single(status.GetProperty("restrictions").EnumerateArray());
        Assert.Equal("chat", restriction.GetProperty("type").GetString());
        Assert.StartsWith("Reported by 3 players", restriction.GetProperty("reason").GetString());
        var expires = DateTimeOffset.Parse(restriction.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24));

        // A fourth report joins the restriction in force instead of issuing another.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(reporters[3], "/api/social/report", new { reported_user = target.ToString(), reason = "abuse", game_id = table.GameId })).StatusCode);
        Assert.Single((await StatusAsync()).GetProperty("restrictions").EnumerateArray());
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var issued = await db.Set<Restriction>().AsNoTracking().SingleAsync(r => r.UserId == target);
            Assert.Null(issued.IssuedBy);
            Assert.True(await db.Set<ModerationLogEntry>().AnyAsync(e => e.TargetUserId == target && e.Action == "restrict" && e.ActorId == null && e.SubjectId == issued.Id));
            Assert.Equal(4, await db.Set<PlayerReport>().CountAsync(r => r.ReportedUserId == target && r.InterimRestrictionId == issued.Id));
        }

        // The restricted player still plays but says nothing in the game's chat.
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(host.AdminId, "advance_phase", null, "admin")).StatusCode);
        using var socket = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={host.IssueToken(target)}");
        await Gateway.RealtimeGatewayTests.SendAsync(socket, """{"type":"chat","message":"hello"}""");
        Assert.Contains("Reported by 3 players", (await MafiaTable.NextAsync(socket, "type", "error")).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Stats_count_the_stored_gifts_reports_and_ratings_for_any_signed_in_reader()
    {
        var players = await PlayersAsync(5);
        var (subject, friend) = (players[0], players[1]);
        var (reader, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var fresh = await StatsAsync(subject, reader);
        Assert.Equal(["user_id", "likes_received", "likes_given", "gifts_received", "gifts_sent", "reports_received", "reports_sent", "friends_count", "linguistic_ratings"], Names(fresh));
        Assert.Equal($$$"""{"user_id":"{{{subject}}}","likes_received":0,"likes_given":0,"gifts_received":0,"gifts_sent":0,"reports_received":0,"reports_sent":0,"friends_count":0,"linguistic_ratings":{}}""", fresh.GetRawText());

        await GrantAsync(subject, 100);
        await GrantAsync(friend, 100);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(subject, "/api/social/gifts/send", new { to_user = friend.ToString(), gift_type = "rose" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(friend, "/api/social/gifts/send", new { to_user = subject.ToString(), gift_type = "rose" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(friend, "/api/economy/gift", new { to_user = subject.ToString(), amount = 5 })).StatusCode);

        var table = await MafiaTable.StartAsync(host, accounts: players);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(subject, "/api/social/report", new { reported_user = friend.ToString(), reason = "rude", game_id = table.GameId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(players[2], "/api/social/report", new { reported_user = subject.ToString(), reason = "rude", game_id = table.GameId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(players[3], "/api/social/report", new { reported_user = subject.ToString(), reason = "rude", game_id = table.GameId })).StatusCode);
        await EndAsync(table);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(friend, "/api/social/linguistic/rate", new { rated_user = subject.ToString(), language = "de", score = 3, game_id = table.GameId })).StatusCode);

        var stats = await StatsAsync(subject, reader);
        Assert.Equal((1, 2, 2, 1, 0, 0, 0), (stats.GetProperty("gifts_sent").GetInt32(), stats.GetProperty("gifts_received").GetInt32(), stats.GetProperty("reports_received").GetInt32(), stats.GetProperty("reports_sent").GetInt32(), stats.GetProperty("likes_received").GetInt32(), stats.GetProperty("likes_given").GetInt32(), stats.GetProperty("friends_count").GetInt32()));
        Assert.Equal("""{"de":3}""", stats.GetProperty("linguistic_ratings").GetRawText());
        var theirs = await StatsAsync(friend, reader);
        Assert.Equal((2, 1, 1), (theirs.GetProperty("gifts_sent").GetInt32(), theirs.GetProperty("gifts_received").GetInt32(), theirs.GetProperty("reports_received").GetInt32()));

        using var client = host.CreateClientFor(reader);
        var unknown = await client.GetAsync("/api/social/stats/987654321987");
        Assert.Equal((HttpStatusCode.NotFound, "User not found"), (unknown.StatusCode, await DetailAsync(unknown)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/social/stats/not-an-id")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync($"/api/social/stats/{subject}")).StatusCode);
    }
}
