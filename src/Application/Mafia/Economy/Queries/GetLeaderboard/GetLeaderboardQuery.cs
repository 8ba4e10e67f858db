using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Queries.GetLeaderboard;

/// <summary>
/// Seed 000 <c>GET /api/economy/leaderboard?period=all|day|week|month</c>: the top 100. <c>all</c>
/// ranks by balance; the other periods rank by tokens earned (grants, rewards, gifts received) since
/// the period began in UTC (today's midnight, Monday's midnight, the 1st's midnight).
/// </summary>
[AuthorizeRequest]
public sealed record GetLeaderboardQuery(string? Period) : IRequest<IReadOnlyList<LeaderboardEntryView>>
{
    public const int Size = 100;

    public static readonly string[] Periods = ["all", "day", "week", "month"];
}

/// <summary>Seed 000 <c>LeaderboardEntry</c>: <c>total_earned</c> and <c>transactions</c> are over all time.</summary>
public sealed record LeaderboardEntryView(int Rank, string UserId, string Username, long Balance, long TotalEarned, long Transactions);

public sealed class GetLeaderboardQueryHandler(IReadRepository<Wallet> wallets, IEarningsBoard earnings, IAccountDirectory accounts, IClock clock)
    : IRequestHandler<GetLeaderboardQuery, IReadOnlyList<LeaderboardEntryView>>
{
    public async Task<IReadOnlyList<LeaderboardEntryView>> Handle(GetLeaderboardQuery request, CancellationToken cancellationToken)
    {
        var ranked = request.Period is null or "all"
            ? await wallets.ListAsync(new RichestWalletsSpec(GetLeaderboardQuery.Size), cancellationToken)
            : await TopEarnersAsync(PeriodStart(request.Period, clock.UtcNow), cancellationToken);
        var names = await accounts.PublicNamesAsync([.. ranked.Select(w => w.OwnerId)], cancellationToken);
        return [.. ranked.Select((w, i) => new LeaderboardEntryView(
            i + 1, MafiaIds.Of(w.OwnerId), names.GetValueOrDefault(w.OwnerId) ?? MafiaIds.Of(w.OwnerId), w.Balance, w.TotalEarned, w.TransactionCount))];
    }

    private async Task<List<Wallet>> TopEarnersAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var top = await earnings.TopEarnersAsync(since, GetLeaderboardQuery.Size, cancellationToken);
        var byId = (await wallets.ListAsync(new WalletsByIdsSpec([.. top.Select(t => t.WalletId)]), cancellationToken)).ToDictionary(w => w.Id);
        return [.. top.Where(t => byId.ContainsKey(t.WalletId)).Select(t => byId[t.WalletId])];
    }

    /// <summary>Where <paramref name="period"/> began, in UTC.</summary>
    public static DateTimeOffset PeriodStart(string period, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return period switch
        {
            "day" => today,
            "week" => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            "month" => new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero),
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
        };
    }
}
