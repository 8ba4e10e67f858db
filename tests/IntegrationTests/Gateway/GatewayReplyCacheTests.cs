using CleanGames.WebApi.Gateway;

namespace CleanGames.IntegrationTests.Gateway;

public sealed class GatewayReplyCacheTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_request_id_runs_once_and_its_reply_is_replayed()
    {
        var cache = new GatewayReplyCache();
        var runs = 0;
        Task<byte[]> Run() { runs++; return Task.FromResult(new[] { (byte)runs }); }

        var first = await cache.GetOrRunAsync(1, "a", Window, 10, Run);
        var again = await cache.GetOrRunAsync(1, "a", Window, 10, Run);
        var otherAccount = await cache.GetOrRunAsync(2, "a", Window, 10, Run);

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

        var first = cache.GetOrRunAsync(1, "slow", Window, 10, Run);
        var retry = cache.GetOrRunAsync(1, "slow", Window, 10, Run);
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
            await cache.GetOrRunAsync(1, "r" + i, Window, 16, Run);
        }

        await cache.GetOrRunAsync(1, "r99", Window, 16, Run);
        Assert.Equal(100, runs);

        for (var i = 0; i < 50; i++)
        {
            await cache.GetOrRunAsync(1, "r" + i, Window, 16, Run);
        }

        // At most 16 replies were still remembered, and none of the oldest fifty were among the newest.
        Assert.True(runs >= 100 + 50 - 16, $"only {runs - 100} of 50 old ids ran again");
    }

    [Fact]
    public async Task Expired_replies_run_again_and_quiet_accounts_are_dropped()
    {
        var cache = new GatewayReplyCache();
        var runs = 0;
        Task<byte[]> Run() { runs++; return Task.FromResult(new[] { (byte)runs }); }

        await cache.GetOrRunAsync(7, "x", TimeSpan.FromMilliseconds(50), 10, Run);
        await Task.Delay(120);
        await cache.GetOrRunAsync(8, "y", Window, 10, Run);

        Assert.Equal(1, cache.AccountCount);
        await cache.GetOrRunAsync(7, "x", TimeSpan.FromMilliseconds(50), 10, Run);
        Assert.Equal(3, runs);
    }
}
