using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Sessions;
using MediatR;

namespace CleanGames.Application.Identity.Commands.RevokeSession;

/// <summary>
/// Logs out: revokes the whole family of the presented refresh token (its current token, the
/// previous one, or an older one whose family id it carries). Idempotent, and silent about tokens
/// it does not know, so it tells a caller nothing about which tokens exist.
/// </summary>
public sealed record RevokeSessionCommand(string? RefreshToken) : IRequest;

public sealed class RevokeSessionCommandHandler(IRepository<RefreshTokenFamily> families, IClock clock) : IRequestHandler<RevokeSessionCommand, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(RevokeSessionCommand request, CancellationToken cancellationToken)
    {
        var presented = request.RefreshToken;
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > RefreshTokens.MaxLength)
        {
            return MediatR.Unit.Value;
        }

        var family = await families.FirstOrDefaultAsync(new FamilyByTokenHashSpec(RefreshTokens.Hash(presented)), cancellationToken);
        if (family is null && RefreshTokens.FamilyOf(presented) is { } familyId)
        {
            family = await families.GetByIdAsync(familyId, cancellationToken);
        }

        if (family is not null && family.Revoke(clock.UtcNow, RefreshTokenFamily.LogoutReason))
        {
            await families.SaveChangesAsync(cancellationToken);
        }

        return MediatR.Unit.Value;
    }
}
