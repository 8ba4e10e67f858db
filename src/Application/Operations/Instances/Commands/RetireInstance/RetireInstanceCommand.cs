using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Operations.Instances;
using MediatR;

namespace CleanGames.Application.Operations.Instances.Commands.RetireInstance;

/// <summary>
/// Removes this instance's row as it shuts down gracefully, so the others stop listing it at once
/// (an instance that dies without shutting down drops out after three missed heartbeats). Idempotent.
/// </summary>
public sealed record RetireInstanceCommand : IRequest<Unit>;

public sealed class RetireInstanceCommandHandler(IRepository<ServerInstance> instances, IServerRun run) : IRequestHandler<RetireInstanceCommand, Unit>
{
    public async Task<Unit> Handle(RetireInstanceCommand request, CancellationToken cancellationToken)
    {
        if (await instances.GetByIdAsync(run.InstanceId, cancellationToken) is { } self)
        {
            instances.Delete(self);
            await instances.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
