using CleanGames.WebApi.Gateway;

namespace CleanGames.IntegrationTests.Gateway;

public sealed class GatewayReplyCacheTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    private static readonly UInt128 Ping = GatewayReplyCache.Fingerprint("system", "ping", "{}"u8);
    private static readonly byte[] Reused = [0xFF];

    [Fact]
    public async Task A_request_id_runs_once_and_its_reply_is_replayed()
    {
        var cache = new GatewayReplyCache();
        var runs = 0;
        Task<byte[]> Run() { runs++; return Task.FromResult(new[] { (byte)runs }); }

        var first = await cache.GetOrRunAsync(1, "a", Ping, new ReplyCacheLimits(Window, 10, long.MaxValue), Run, () => Reused);
        var again = await cache.GetOrRunAsync(1, "a", Ping, new ReplyCacheLimits(Window, 10, long.MaxValue), Run, () => Reused);
        var otherAccount = await cache.GetOrRunAsync(2, "a", Ping, new ReplyCacheLimits(Window, 10, long.MaxValue), Run, () => Reused);

        Assert.Same(first, again);
        Assert.NotSame(first, otherAccount);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task A_retry_of_a_command_still_running_waits_for_the_same_execution()
    {
        var cache = new GatewayReplyCache();
        var gate = new TaskCompletionSource<byte[]>();
        var runs = 0;
        Task<byte[]> Run() { runs++; return gate.Task; }

        var first = cache.GetOrRunAsync(1, "slow", Ping, new ReplyCacheLimits(Window, 10, long.MaxValue), Run, () => Reused);
        var retry = cache.GetOrRunAsync(1, "slow", Ping, new ReplyCacheLimits(Window, 10, long.MaxValue), Run, () => Reused);
        gate.SetResult([42]);

        Assert.Same(await first, await retry);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Each_account_keeps_a_bounded_number_of_its_most_recent_replies()
    {
        var cache = new GatewayReplyCache();
        var runs = 0;
        Task<byte[]> Run() { runs++; return Task.FromResult(new[] { (byte)runs }); }

        for (var i = 0; i < 100; i++)
        {
            await cache.GetOrRunAsync(1, "r" + i, Ping, new ReplyCacheLimits(Window, 16, long.MaxValue), Run, () => Reused);
        }

        await cache.GetOrRunAsync(1, "r99", Ping, new ReplyCacheLimits(Window, 16, long.MaxValue), Run, () => Reused);
        Assert.Equal(100, runs);

        for (var i = 0; i < 50; i++)
        {
            await cache.GetOrRunAsync(1, "r" + i, Ping, new ReplyCacheLimits(Window, 16, long.MaxValue), Run, () => Reused);
        }

        // At most 16 replies were still remembered, and none of the oldest fifty were among the newest.
        Assert.True(runs >= 100 + 50 - 16, $"only {runs - 100} of 50 old ids ran again");
    }

    [Fact]
    public async Task A_request_id_reused_for_another_command_or_payload_is_refused_and_never_gets_the_other_reply()
    {
        var cache = new GatewayReplyCache();
        var runs = 0;
        Task<byte[]> Run() { runs++; return Task.FromResult(new[] { (byte)runs }); }
        var limits = new ReplyCacheLimits(Window, 10, long.MaxValue);

        var cook = await cache.GetOrRunAsync(1, "1", GatewayReplyCache.Fingerprint("kitchen", "cook", "{}"u8), limits, Run, () => Reused);
        var sell = await cache.GetOrRunAsync(1, "1", GatewayReplyCache.Fingerprint("kitchen", "sell", "{}"u8), limits, Run, () => Reused);
        var otherPayload = await cache.GetOrRunAsync(1, "1", GatewayReplyCache.Fingerprint("kitchen", "cook", "{\"count\":2}"u8), limits, Run, () => Reused);
        var retry = await cache.GetOrRunAsync(1, "1", GatewayReplyCache.Fingerprint("kitchen", "cook", "{}"u8), limits, Run, () => Reused);

        Assert.Same(Reused, sell);
        Assert.Same(Reused, otherPayload);
        Assert.Same(cook, retry);
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Each_account_keeps_a_bounded_number_of_bytes_of_replies()
    {
        var cache = new GatewayReplyCache();
        var runs = 0;
        Task<byte[]> Big() { runs++; return Task.FromResult(new byte[64 * 1024]); }
        // 1 MiB for the account: at most about sixteen 64 KiB replies, whatever the entry count allows.
        var limits = new ReplyCacheLimits(Window, 1024, 1024 * 1024);

        for (var i = 0; i < 200; i++)
        {
            await cache.GetOrRunAsync(1, "r" + i, Ping, limits, Big, () => Reused);
        }

        for (var i = 0; i < 200; i++)
        {
            await cache.GetOrRunAsync(1, "r" + i, Ping, limits, Big, () => Reused);
        }

        // Had the cache held every reply (12.5 MiB), none would have run again.
        var remembered = 400 - runs;
        Assert.InRange(remembered, 0, 16);
    }

    [Fact]
    public async Task Expired_replies_run_again_and_quiet_accounts_are_dropped()
    {
        var cache = new GatewayReplyCache();
        var runs = 0;
        Task<byte[]> Run() { runs++; return Task.FromResult(new[] { (byte)runs }); }

        await cache.GetOrRunAsync(7, "x", Ping, new ReplyCacheLimits(TimeSpan.FromMilliseconds(50), 10, long.MaxValue), Run, () => Reused);
        await Task.Delay(120);
        await cache.GetOrRunAsync(8, "y", Ping, new ReplyCacheLimits(Window, 10, long.MaxValue), Run, () => Reused);

        Assert.Equal(1, cache.AccountCount);
        await cache.GetOrRunAsync(7, "x", Ping, new ReplyCacheLimits(TimeSpan.FromMilliseconds(50), 10, long.MaxValue), Run, () => Reused);
        Assert.Equal(3, runs);
    }
}
