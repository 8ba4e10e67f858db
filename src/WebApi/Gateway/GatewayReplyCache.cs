using Microsoft.Extensions.Caching.Memory;

namespace CleanGames.WebApi.Gateway;

/// <summary>
/// Remembers the reply to each (account, request id) for the idempotency window. A retry of a
/// command still running waits for the same execution, so a command never runs twice.
/// </summary>
public sealed class GatewayReplyCache(IMemoryCache cache)
{
    public Task<byte[]> GetOrRunAsync(long accountId, string requestId, TimeSpan window, Func<Task<byte[]>> run)
    {
        var key = ("gateway.reply", accountId, requestId);
        var entry = cache.GetOrCreate(key, item =>
        {
            item.AbsoluteExpirationRelativeToNow = window;
            return new Lazy<Task<byte[]>>(run, LazyThreadSafetyMode.ExecutionAndPublication);
        })!;
        return entry.Value;
    }
}
