using CleanGames.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace CleanGames.IntegrationTests.Probes;

public sealed record ProbeCommand(string Name, int Count) : IRequest<ProbeModel>;

public sealed class ProbeCommandValidator : AbstractValidator<ProbeCommand>
{
    public ProbeCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty();
        RuleFor(c => c.Count).InclusiveBetween(1, 10);
    }
}

public sealed class ProbeCommandHandler : IRequestHandler<ProbeCommand, ProbeModel>
{
    public Task<ProbeModel> Handle(ProbeCommand request, CancellationToken cancellationToken) =>
        Task.FromResult(new ProbeModel(request.Name, null, request.Count));
}

[AuthorizeRequest(Roles = "admin")]
public sealed record AdminProbeCommand : IRequest<ProbeModel>;

public sealed class AdminProbeCommandHandler : IRequestHandler<AdminProbeCommand, ProbeModel>
{
    public Task<ProbeModel> Handle(AdminProbeCommand request, CancellationToken cancellationToken) =>
        Task.FromResult(new ProbeModel("admin", null, 1));
}
