using AutoMapper;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Domain.BotAnalytics.Bots;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Bots.Queries.ListBots;

/// <summary>Seed 003 <c>GET /api/bots</c>: the bots whose <c>admin_id</c> is the caller's Telegram id (none without one).</summary>
[AuthorizeRequest]
public sealed record ListBotsQuery : IRequest<IReadOnlyList<BotView>>;

public sealed class ListBotsQueryHandler(IReadRepository<Bot> bots, ICurrentUser user, IAccountDirectory accounts, IMapper mapper)
    : IRequestHandler<ListBotsQuery, IReadOnlyList<BotView>>
{
    public async Task<IReadOnlyList<BotView>> Handle(ListBotsQuery request, CancellationToken cancellationToken)
    {
        if (await accounts.TelegramIdAsync(user.AccountId!.Value, cancellationToken) is not { } admin)
        {
            return [];
        }

        var rows = await bots.ListAsync(new BotsOfAdminSpec(mapper.ConfigurationProvider, admin), cancellationToken);
        return rows.Select(BotView.Of).ToList();
    }
}
