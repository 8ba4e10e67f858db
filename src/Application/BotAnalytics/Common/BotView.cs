using System.Text.Json.Nodes;
using AutoMapper;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.BotAnalytics.Records;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary>Seed 003 <c>GET /api/bots</c> item: <c>uid</c> is the dashboard's <c>bot_id</c>, <c>bot_id</c> Telegram's.</summary>
public sealed record BotView(long Uid, long BotId, string? Username, long AdminId, int? RefPercent, decimal Balance, string? Status, JsonObject? Meta)
{
    public static BotView Of(BotRow row) =>
        new(row.Id, row.TelegramBotId, row.Username, row.AdminId, row.RefPercent, Amount.FromUnits(row.Balance), row.Status, MetaJson.FromText(row.Meta));

    public static BotView Of(Bot bot) =>
        Of(new BotRow(bot.Id, bot.TelegramBotId, bot.Username, bot.AdminId, bot.RefPercent, bot.Balance, bot.Status, bot.Meta));
}

/// <summary>The columns a bot list reads, projected in the database (<see cref="BotRowProfile"/>).</summary>
public sealed record BotRow(long Id, long TelegramBotId, string? Username, long AdminId, int? RefPercent, long Balance, string? Status, string? Meta);

public sealed class BotRowProfile : Profile
{
    public BotRowProfile() => CreateProjection<Bot, BotRow>();
}
