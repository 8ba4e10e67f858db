using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>Seed 000 section 3, <c>/api/economy</c>: wallets, balances, grants, gifts, purchases and history over real HTTP.</summary>
public sealed class EconomyTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private async Task<(long Id, HttpClient Client)> PlayerAsync()
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        return (id, host.CreateClientFor(id));
    }

    private async Task GrantAsync(long playerId, long amount)
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var response = await admin.PostAsync("/api/economy/admin/grant", Body(new { user_id = playerId.ToString(), amount, reason = "test funds" }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> BalanceAsync(HttpClient client) => await (await client.GetAsync("/api/economy/balance")).ReadJsonAsync();

    [Fact]
    public async Task A_wallet_has_valid_ton_addresses_and_creating_it_again_answers_the_same_wallet()
    {
        var (_, player) = await PlayerAsync();
        var response = await player.PostAsync("/api/economy/wallet/create", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var wallet = await response.ReadJsonAsync();
        Assert.Equal(["ton_address", "jetton_wallet", "balance_offchain", "balance_onchain"], wallet.EnumerateObject().Select(p => p.Name).ToArray());
        var address = wallet.GetProperty("ton_address").GetString()!;
        var jetton = wallet.GetProperty("jetton_wallet").GetString()!;
        AssertTonAddress(address);
        AssertTonAddress(jetton);
        Assert.NotEqual(address, jetton);
        Assert.Equal((0, 0m), (wallet.GetProperty("balance_offchain").GetInt64(), wallet.GetProperty("balance_onchain").GetDecimal()));

        var again = await (await player.PostAsync("/api/economy/wallet/create", null)).ReadJsonAsync();
        Assert.Equal(address, again.GetProperty("ton_address").GetString());
        var (_, other) = await PlayerAsync();
        Assert.NotEqual(address, (await (await other.PostAsync("/api/economy/wallet/create", null)).ReadJsonAsync()).GetProperty("ton_address").GetString());
    }

    [Fact]
    public async Task Balance_has_the_seed_shape_and_counts_granted_tokens()
    {
        var (id, player) = await PlayerAsync();
        Assert.Equal("""{"offchain":0,"onchain":0,"total":0,"ton_balance":0}""", (await BalanceAsync(player)).GetRawText());
        await GrantAsync(id, 250);
        var balance = await BalanceAsync(player);
        Assert.Equal((250L, 250m), (balance.GetProperty("offchain").GetInt64(), balance.GetProperty("total").GetDecimal()));

        var history = (await (await player.GetAsync("/api/economy/transactions")).ReadJsonAsync()).EnumerateArray().ToList();
        var mint = Assert.Single(history);
        Assert.Equal(["id", "user_id", "amount", "type", "reason", "is_onchain", "tx_hash", "timestamp", "status"], mint.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((id.ToString(), 250L, "mint", "test funds", "completed"), (mint.GetProperty("user_id").GetString()!, mint.GetProperty("amount").GetInt64(), mint.GetProperty("type").GetString()!, mint.GetProperty("reason").GetString()!, mint.GetProperty("status").GetString()!));
        Assert.False(mint.GetProperty("is_onchain").GetBoolean());
        Assert.Equal(JsonValueKind.Null, mint.GetProperty("tx_hash").ValueKind);
    }

    [Fact]
    public async Task Only_an_admin_grants_and_only_to_an_existing_player()
    {
        var (id, player) = await PlayerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await player.PostAsync("/api/economy/admin/grant", Body(new { user_id = id.ToString(), amount = 10, reason = "self" }))).StatusCode);

        // A token that claims the role is not enough: the stored roles decide.
        using var claimed = host.CreateClientFor(id, "admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await claimed.PostAsync("/api/economy/admin/grant", Body(new { user_id = id.ToString(), amount = 10, reason = "self" }))).StatusCode);

        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/economy/admin/grant", Body(new { user_id = "987654321987", amount = 10, reason = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/api/economy/admin/grant", Body(new { user_id = id.ToString(), amount = 0, reason = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/api/economy/admin/grant", Body(new { user_id = id.ToString(), amount = 5 }))).StatusCode);
        Assert.Equal(0, (await BalanceAsync(player)).GetProperty("offchain").GetInt64());
    }

    [Fact]
    public async Task A_gift_moves_tokens_and_the_receiver_hears_of_it()
    {
        var (giverId, giver) = await PlayerAsync();
        var (receiverId, receiver) = await PlayerAsync();
        await GrantAsync(giverId, 100);
        using var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(receiverId)}");
        await MafiaTable.NextAsync(socket, "type", "connected");

        var response = await giver.PostAsync("/api/economy/gift", Body(new { to_user = receiverId.ToString(), amount = 40, message = "gg" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var debit = await response.ReadJsonAsync();
        Assert.Equal((giverId.ToString(), 40L, "debit", "gift"), (debit.GetProperty("user_id").GetString()!, debit.GetProperty("amount").GetInt64(), debit.GetProperty("type").GetString()!, debit.GetProperty("reason").GetString()!));
        Assert.Equal(60, (await BalanceAsync(giver)).GetProperty("offchain").GetInt64());
        Assert.Equal(40, (await BalanceAsync(receiver)).GetProperty("offchain").GetInt64());

        var credit = (await (await receiver.GetAsync("/api/economy/transactions")).ReadJsonAsync())[0];
        Assert.Equal((debit.GetProperty("id").GetString(), "credit", 40L), (credit.GetProperty("id").GetString(), credit.GetProperty("type").GetString()!, credit.GetProperty("amount").GetInt64()));

        var notice = await MafiaTable.NextAsync(socket, "type", "notification");
        Assert.Equal("gift_received", notice.GetProperty("notification_type").GetString());
        Assert.Equal((giverId.ToString(), 40L, "gg"), (notice.GetProperty("data").GetProperty("from_user").GetString()!, notice.GetProperty("data").GetProperty("amount").GetInt64(), notice.GetProperty("data").GetProperty("message").GetString()!));
    }

    [Fact]
    public async Task A_refused_gift_moves_nothing()
    {
        var (giverId, giver) = await PlayerAsync();
        var (receiverId, receiver) = await PlayerAsync();
        await GrantAsync(giverId, 30);

        Assert.Equal(HttpStatusCode.BadRequest, (await giver.PostAsync("/api/economy/gift", Body(new { to_user = receiverId.ToString(), amount = 31 }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await giver.PostAsync("/api/economy/gift", Body(new { to_user = giverId.ToString(), amount = 1 }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await giver.PostAsync("/api/economy/gift", Body(new { to_user = "nobody", amount = 1 }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await giver.PostAsync("/api/economy/gift", Body(new { to_user = "987654321987", amount = 1 }))).StatusCode);
        foreach (var amount in new[] { 0, -5, 10_001 })
        {
            var refused = await giver.PostAsync("/api/economy/gift", Body(new { to_user = receiverId.ToString(), amount }));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("amount", (await refused.ReadJsonAsync()).GetProperty("detail")[0].GetProperty("loc")[1].GetString());
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await giver.PostAsync("/api/economy/gift", Body("""{"to_user": "1", "amount": "lots"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await giver.PostAsync("/api/economy/gift", Body("""{"to_user": "1", "amount": """))).StatusCode);
        Assert.Equal(30, (await BalanceAsync(giver)).GetProperty("offchain").GetInt64());
        Assert.Equal(0, (await BalanceAsync(receiver)).GetProperty("offchain").GetInt64());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsync("/api/economy/gift", Body(new { to_user = receiverId.ToString(), amount = 1 }))).StatusCode);
    }

    [Fact]
    public async Task A_purchase_pays_the_catalogue_price_and_a_stale_price_is_refused_naming_the_current_one()
    {
        var (id, player) = await PlayerAsync();
        await GrantAsync(id, 600);
        var catalog = (await (await player.GetAsync("/api/economy/catalog")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.NotEmpty(catalog);
        Assert.All(catalog, item => Assert.Equal(["item_type", "item_id", "name", "price"], item.EnumerateObject().Select(p => p.Name).ToArray()));
        var frame = catalog.Single(i => i.GetProperty("item_type").GetString() == "avatar_frame" && i.GetProperty("item_id").GetString() == "gold");
        var price = frame.GetProperty("price").GetInt64();

        var stale = await player.PostAsync("/api/economy/purchase", Body(new { item_type = "avatar_frame", item_id = "gold", price = price - 1 }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(price.ToString(), (await stale.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await player.PostAsync("/api/economy/purchase", Body(new { item_type = "avatar_frame", item_id = "platinum", price = 1 }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await player.PostAsync("/api/economy/purchase", Body(new { item_type = "avatar_frame", item_id = "gold", price = 0 }))).StatusCode);

        var bought = await player.PostAsync("/api/economy/purchase", Body(new { item_type = "avatar_frame", item_id = "gold", price }));
        Assert.Equal(HttpStatusCode.OK, bought.StatusCode);
        var debit = await bought.ReadJsonAsync();
        Assert.Equal(("debit", price, "purchase:avatar_frame:gold"), (debit.GetProperty("type").GetString()!, debit.GetProperty("amount").GetInt64(), debit.GetProperty("reason").GetString()!));
        Assert.Equal(600 - price, (await BalanceAsync(player)).GetProperty("offchain").GetInt64());

        // Not enough left for a second one.
        Assert.Equal(HttpStatusCode.BadRequest, (await player.PostAsync("/api/economy/purchase", Body(new { item_type = "avatar_frame", item_id = "gold", price }))).StatusCode);
        Assert.Equal(600 - price, (await BalanceAsync(player)).GetProperty("offchain").GetInt64());
    }

    [Fact]
    public async Task Transactions_come_newest_first_within_the_limit()
    {
        var (id, player) = await PlayerAsync();
        for (var i = 1; i <= 4; i++)
        {
            await GrantAsync(id, i);
        }

        var raw = await (await player.GetAsync("/api/economy/transactions")).ReadJsonAsync();
        var all = raw.EnumerateArray().Select(t => t.GetProperty("amount").GetInt64()).ToArray();
        Assert.True(new[] { 4L, 3L, 2L, 1L }.SequenceEqual(all), raw.GetRawText());
        var two = (await (await player.GetAsync("/api/economy/transactions?limit=2")).ReadJsonAsync()).EnumerateArray().Select(t => t.GetProperty("amount").GetInt64()).ToArray();
        Assert.Equal([4L, 3L], two);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await player.GetAsync("/api/economy/transactions?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await player.GetAsync("/api/economy/transactions?limit=201")).StatusCode);
    }

    [Fact]
    public async Task The_leaderboard_ranks_by_balance_for_all_time_and_by_tokens_earned_in_a_period()
    {
        var (richId, rich) = await PlayerAsync();
        var (earnerId, _) = await PlayerAsync();
        await GrantAsync(richId, 9_000_000);
        await GrantAsync(earnerId, 100);
        Assert.Equal(HttpStatusCode.OK, (await rich.PostAsync("/api/economy/gift", Body(new { to_user = earnerId.ToString(), amount = 10_000 }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rich.PostAsync("/api/economy/gift", Body(new { to_user = earnerId.ToString(), amount = 10_000 }))).StatusCode);

        var all = (await (await rich.GetAsync("/api/economy/leaderboard")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.InRange(all.Count, 2, 100);
        Assert.Equal(["rank", "user_id", "username", "balance", "total_earned", "transactions"], all[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(e => e.GetProperty("rank").GetInt32()));
        Assert.Equal(all.Select(e => e.GetProperty("balance").GetInt64()).OrderDescending(), all.Select(e => e.GetProperty("balance").GetInt64()));
        var richRow = all.Single(e => e.GetProperty("user_id").GetString() == richId.ToString());
        Assert.Equal((8_980_000L, 9_000_000L, 3L), (richRow.GetProperty("balance").GetInt64(), richRow.GetProperty("total_earned").GetInt64(), richRow.GetProperty("transactions").GetInt64()));
        Assert.False(string.IsNullOrEmpty(richRow.GetProperty("username").GetString()));

        foreach (var period in new[] { "day", "week", "month" })
        {
            var board = (await (await rich.GetAsync("/api/economy/leaderboard?period=" + period)).ReadJsonAsync()).EnumerateArray().ToList();
            var earner = board.Single(e => e.GetProperty("user_id").GetString() == earnerId.ToString());
            Assert.Equal((20_100L, 20_100L, 3L), (earner.GetProperty("balance").GetInt64(), earner.GetProperty("total_earned").GetInt64(), earner.GetProperty("transactions").GetInt64()));
            Assert.True(board.IndexOf(earner) > board.FindIndex(e => e.GetProperty("user_id").GetString() == richId.ToString()));
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await rich.GetAsync("/api/economy/leaderboard?period=year")).StatusCode);
    }

    [Fact]
    public async Task A_retried_gift_with_its_idempotency_key_replays_the_first_answer_and_moves_nothing()
    {
        var (giverId, giver) = await PlayerAsync();
        var (receiverId, receiver) = await PlayerAsync();
        await GrantAsync(giverId, 100);

        async Task<HttpResponseMessage> GiftAsync(int amount, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/economy/gift") { Content = Body(new { to_user = receiverId.ToString(), amount }) };
            request.Headers.Add("Idempotency-Key", key);
            return await giver.SendAsync(request);
        }

        var first = await GiftAsync(25, "gift-1");
        var again = await GiftAsync(25, "gift-1");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await GiftAsync(26, "gift-1")).StatusCode);

        // Many retries at once still move the tokens once.
        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => GiftAsync(10, "gift-2")));
        Assert.All(burst, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Equal(65, (await BalanceAsync(giver)).GetProperty("offchain").GetInt64());
        Assert.Equal(35, (await BalanceAsync(receiver)).GetProperty("offchain").GetInt64());
    }

    [Fact]
    public async Task Concurrent_spends_never_overdraw_and_the_ledger_stays_balanced()
    {
        var (giverId, giver) = await PlayerAsync();
        var receivers = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            receivers.Add((await PlayerAsync()).Id);
        }

        await GrantAsync(giverId, 60);
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            giver.PostAsync("/api/economy/gift", Body(new { to_user = receivers[i % 4].ToString(), amount = 1 }))));
        Assert.Equal(60, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(40, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(0, (await BalanceAsync(giver)).GetProperty("offchain").GetInt64());

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CleanGames.Infrastructure.Persistence.ApplicationDbContext>();
        var transactions = await db.Set<LedgerTransaction>().AsNoTracking().ToListAsync();
        Assert.All(transactions, t => Assert.Equal(0, t.Entries.Sum(e => e.Amount)));
        var entriesByAccount = transactions.SelectMany(t => t.Entries).GroupBy(e => e.AccountId).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        foreach (var wallet in await db.Set<Wallet>().AsNoTracking().ToListAsync())
        {
            Assert.Equal(entriesByAccount.GetValueOrDefault(wallet.Id), wallet.Balance);
            Assert.True(wallet.Balance >= 0);
        }
    }

    [Fact]
    public async Task A_thousand_concurrent_spends_succeed_exactly_as_often_as_the_balance_allows()
    {
        var (giverId, giver) = await PlayerAsync();
        var (receiverId, _) = await PlayerAsync();
        await GrantAsync(giverId, 300);
        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ =>
            giver.PostAsync("/api/economy/gift", Body(new { to_user = receiverId.ToString(), amount = 1 }))));
        Assert.Equal(300, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(700, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(0, (await BalanceAsync(giver)).GetProperty("offchain").GetInt64());
    }

    [Fact]
    public async Task Five_hundred_concurrent_gifts_in_a_ring_of_fifty_keep_the_total()
    {
        var ring = new List<(long Id, HttpClient Client)>();
        for (var i = 0; i < 50; i++)
        {
            var player = await PlayerAsync();
            await GrantAsync(player.Id, 100);
            ring.Add(player);
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            ring[i % 50].Client.PostAsync("/api/economy/gift", Body(new { to_user = ring[(i + 1) % 50].Id.ToString(), amount = 1 + (i % 7) }))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        long total = 0;
        foreach (var (_, client) in ring)
        {
            var balance = (await BalanceAsync(client)).GetProperty("offchain").GetInt64();
            Assert.True(balance >= 0);
            total += balance;
        }

        Assert.Equal(5000, total);
    }

    /// <summary>A TON user-friendly address: 36 bytes in base64url, bounceable tag, workchain 0, CRC-16/XMODEM.</summary>
    private static void AssertTonAddress(string address)
    {
        Assert.Equal(48, address.Length);
        Assert.Matches("^[A-Za-z0-9_-]{48}$", address);
        var raw = Convert.FromBase64String(address.Replace('-', '+').Replace('_', '/'));
        Assert.Equal(36, raw.Length);
        Assert.Equal(0x11, raw[0]);
        Assert.Equal(0, raw[1]);
        ushort crc = 0;
        foreach (var b in raw.AsSpan(0, 34))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        Assert.Equal(crc, BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(34)));
        Assert.StartsWith("EQ", address);
    }
}
