using Ardalis.Specification;
using AutoMapper;
using CleanGames.Application.Common.Mapping;
using CleanGames.Domain.BotAnalytics.Bots;

namespace CleanGames.Application.BotAnalytics.Common;

public sealed class BotByUidSpec : Specification<Bot>
{
    public BotByUidSpec(long uid) => Query.Where(b => b.Id == uid);
}

public sealed class BotOwnedBySpec : Specification<Bot>
{
    public BotOwnedBySpec(long uid, long adminId) => Query.Where(b => b.Id == uid && b.AdminId == adminId);
}

/// <summary>Seed 003 <c>GET /api/bots</c>: the bots whose admin is the Telegram user, oldest first.</summary>
public sealed class BotsOfAdminSpec : Specification<Bot, BotRow>
{
    public BotsOfAdminSpec(IConfigurationProvider mapping, long adminId)
    {
        Query.Where(b => b.AdminId == adminId).OrderBy(b => b.Id).AsNoTracking();
        Query.Select(Projections.Of<Bot, BotRow>(mapping));
    }
}

public sealed class BotByTelegramIdSpec : Specification<Bot>
{
    public BotByTelegramIdSpec(long telegramBotId) => Query.Where(b => b.TelegramBotId == telegramBotId);
}
