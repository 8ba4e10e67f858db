using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Sessions;
using MediatR;

namespace CleanGames.Application.Identity.Commands.RevokeSession;

/// <summary>
/// Logs out: revokes the whole family of the presented refresh token. Idempotent, and silent about
/// tokens it does not know, so it tells a caller nothing about which tokens exist.
/// </summary>
public sealed record RevokeSessionCommand(string? RefreshToken) : IRequest;

public sealed class RevokeSessionCommandHandler(IRepository<RefreshTokenFamily> families, IClock clock) : IRequestHandler<RevokeSessionCommand, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(RevokeSessionCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 256)
        {
            return MediatR.Unit.Value;
        }

        var family = await families.FirstOrDefaultAsync(new FamilyByTokenHashSpec(RefreshTokens.Hash(request.RefreshToken)), cancellationToken);
        if (family is not null)
        {
            family.Revoke(clock.UtcNow, "logout");
            await families.SaveChangesAsync(cancellationToken);
        }

        return MediatR.Unit.Value;
    }
}
