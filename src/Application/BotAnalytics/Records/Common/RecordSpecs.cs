using Ardalis.Specification;
using AutoMapper;
using CleanGames.Application.Common.Mapping;
using CleanGames.Domain.BotAnalytics.Records;

namespace CleanGames.Application.BotAnalytics.Records.Common;

/// <summary>Seed 003 users list: the bot's users, newest registration first (index <c>IX_bot_analytics_users_bot_reg_date</c>).</summary>
public sealed class BotUsersPageSpec : Specification<BotUser, BotUserRow>
{
    /// <param name="take">0 for every row (counting uses the criteria only).</param>
    public BotUsersPageSpec(IConfigurationProvider mapping, long botId, int skip = 0, int take = 0)
    {
        Query.Where(u => u.BotId == botId).OrderByDescending(u => u.RegDate).ThenByDescending(u => u.Id).AsNoTracking();
        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }

        Query.Select(Projections.Of<BotUser, BotUserRow>(mapping));
    }
}

/// <summary>Seed 003 payments list: newest first, optionally within days (index <c>IX_bot_analytics_payments_bot_date</c>).</summary>
public sealed class PaymentsPageSpec : Specification<Payment, PaymentRow>
{
    public PaymentsPageSpec(IConfigurationProvider mapping, long botId, DateTimeOffset? from, DateTimeOffset? endBefore, int skip = 0, int take = 0)
    {
        Query.Where(p => p.BotId == botId);
        if (from is { } start)
        {
            Query.Where(p => p.Date >= start);
        }

        if (endBefore is { } end)
        {
            Query.Where(p => p.Date < end);
        }

        Query.OrderByDescending(p => p.Date).ThenByDescending(p => p.Id).AsNoTracking();
        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }

        Query.Select(Projections.Of<Payment, PaymentRow>(mapping));
    }
}

/// <summary>Seed 003 subscriptions list: newest start first, optionally one status (indexes on bot, [status,] start date).</summary>
public sealed class SubscriptionsPageSpec : Specification<Subscription, SubscriptionRow>
{
    public SubscriptionsPageSpec(IConfigurationProvider mapping, long botId, string? status, int skip = 0, int take = 0)
    {
        Query.Where(s => s.BotId == botId);
        if (status is not null)
        {
            Query.Where(s => s.Status == status);
        }

        Query.OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id).AsNoTracking();
        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }

        Query.Select(Projections.Of<Subscription, SubscriptionRow>(mapping));
    }
}

/// <summary>Active subscriptions whose stop date falls in [<paramref name="from"/>, <paramref name="until"/>], soonest first.</summary>
public sealed class ExpiringSubscriptionsPageSpec : Specification<Subscription, SubscriptionRow>
{
    public ExpiringSubscriptionsPageSpec(IConfigurationProvider mapping, long botId, DateTimeOffset from, DateTimeOffset until, int skip = 0, int take = 0)
    {
        Query.Where(s => s.BotId == botId && s.Status == Subscription.ActiveStatus && s.StopDate >= from && s.StopDate <= until)
            .OrderBy(s => s.StopDate).ThenBy(s => s.Id).AsNoTracking();
        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }

        Query.Select(Projections.Of<Subscription, SubscriptionRow>(mapping));
    }
}
