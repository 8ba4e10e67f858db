using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using CleanGames.Domain.Kitchen.Catalog;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Kitchen.Common;

/// <summary>What a Kitchen use case sees while it holds the account's session.</summary>
public sealed class KitchenTurn(LiveKitchenSession live, KitchenCatalog catalog, DateTimeOffset now, KitchenOptions options)
{
    public LiveKitchenSession Live { get; } = live;

    public Domain.Kitchen.Sessions.KitchenSession Session => Live.Session;

    public KitchenCatalog Catalog { get; } = catalog;

    public DateTimeOffset Now { get; } = now;

    public KitchenOptions Options { get; } = options;

    /// <summary>The full session state, built while the session is held.</summary>
    public KitchenSessionView View() => KitchenViews.Session(Live, Catalog);
}

/// <summary>A Kitchen reply: every reply carries the full session (the seed's <c>data.session</c>).</summary>
public interface IKitchenReply
{
    KitchenSessionView Session { get; }
}

/// <summary>
/// The one way Kitchen use cases play a turn: take the caller's session from the store, run the
/// domain method, build the reply, and tell the account's other connections when state changed.
/// </summary>
public sealed class KitchenSessionRunner(
    IKitchenSessionStore store,
    IKitchenCatalogProvider catalogs,
    ICurrentUser user,
    IClock clock,
    IOptions<KitchenOptions> options,
    IRealtimeNotifier notifier)
{
    /// <param name="open">
    /// How the use case opens the account's game when it has none (e.g. <c>KitchenSession.Open</c>,
    /// given the account and now); null when the request needs an existing session.
    /// </param>
    public async Task<TReply> PlayAsync<TReply>(
        string requestType,
        KitchenWrite write,
        Func<KitchenTurn, TReply> play,
        CancellationToken cancellationToken,
        Func<long, DateTimeOffset, Domain.Kitchen.Sessions.KitchenSession>? open = null)
        where TReply : IKitchenReply
    {
        var accountId = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var catalog = await catalogs.GetAsync(cancellationToken);
        var settings = options.Value;
        var now = clock.UtcNow;
        var opening = open is null ? null : new Func<Domain.Kitchen.Sessions.KitchenSession>(() => open(accountId, now));
        var execution = await store.ExecuteAsync(accountId, write, opening, live => play(new KitchenTurn(live, catalog, now, settings)), cancellationToken);
        if (execution.Changed)
        {
            await notifier.PublishAsync(
                new RealtimeEvent(KitchenViews.Topic, requestType, accountId, new KitchenBroadcast(execution.Result.Session), user.ConnectionId),
                cancellationToken);
        }

        return execution.Result;
    }
}
