using CleanGames.Application.Common.Errors;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Common.Behaviours;

/// <summary>Runs every FluentValidation validator of the request; any failure stops it before the handler.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var all = validators as IValidator<TRequest>[] ?? validators.ToArray();
        return all.Length == 0 ? next() : ValidateAsync(request, all, cancellationToken, next);
    }

    private static async Task<TResponse> ValidateAsync(TRequest request, IValidator<TRequest>[] all, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        List<FieldError>? failures = null;
        foreach (var validator in all)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            foreach (var error in result.Errors)
            {
                (failures ??= []).Add(new FieldError(error.PropertyName, error.ErrorMessage, error.ErrorCode));
            }
        }

        if (failures is not null)
        {
            throw new ValidationFailedException(failures);
        }

        return await next();
    }
}
