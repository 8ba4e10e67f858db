using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.Common;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Bots.Commands.RotateIngestKey;

/// <summary><c>POST /api/bots/{bot_id}/ingest-key</c>: a new ingest key for the owner's bot; the old one stops working.</summary>
[AuthorizeRequest]
public sealed record RotateIngestKeyCommand(long BotId) : IRequest<IngestKeyIssued>, IBotScopedRequest;

public sealed record IngestKeyIssued(string IngestKey);

public sealed class RotateIngestKeyCommandHandler(IRepository<Bot> bots, IClock clock) : IRequestHandler<RotateIngestKeyCommand, IngestKeyIssued>
{
    public async Task<IngestKeyIssued> Handle(RotateIngestKeyCommand request, CancellationToken cancellationToken)
    {
        var bot = await bots.FirstOrDefaultAsync(new BotByUidSpec(request.BotId), cancellationToken)
                  ?? throw new DomainException(BotAnalyticsErrors.AccessDenied);
        var (key, hash) = IngestKeys.New(bot.TelegramBotId);
        bot.RotateIngestKey(hash, clock.UtcNow);
        await bots.SaveChangesAsync(cancellationToken);
        return new IngestKeyIssued(key);
    }
}
