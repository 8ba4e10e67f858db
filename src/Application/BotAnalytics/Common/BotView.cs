using System.Text.Json;
using AutoMapper;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.BotAnalytics.Records;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary>Seed 003 <c>GET /api/bots</c> item: <c>uid</c> is the dashboard's <c>bot_id</c>, <c>bot_id</c> Telegram's.</summary>
public sealed record BotView(long Uid, long BotId, string? Username, long AdminId, int? RefPercent, decimal Balance, string? Status, JsonElement? Meta);

public sealed class BotViewProfile : Profile
{
    public BotViewProfile() =>
        CreateMap<Bot, BotView>()
            .ForCtorParam(nameof(BotView.Uid), o => o.MapFrom(b => b.Id))
            .ForCtorParam(nameof(BotView.BotId), o => o.MapFrom(b => b.TelegramBotId))
            .ForCtorParam(nameof(BotView.Username), o => o.MapFrom(b => b.Username))
            .ForCtorParam(nameof(BotView.AdminId), o => o.MapFrom(b => b.AdminId))
            .ForCtorParam(nameof(BotView.RefPercent), o => o.MapFrom(b => b.RefPercent))
            .ForCtorParam(nameof(BotView.Balance), o => o.MapFrom(b => Amount.FromUnits(b.Balance)))
            .ForCtorParam(nameof(BotView.Status), o => o.MapFrom(b => b.Status))
            .ForCtorParam(nameof(BotView.Meta), o => o.MapFrom(b => MetaJson.FromText(b.Meta)));
}
