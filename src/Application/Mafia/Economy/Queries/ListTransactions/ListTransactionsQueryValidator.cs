using FluentValidation;

namespace CleanGames.Application.Mafia.Economy.Queries.ListTransactions;

public sealed class ListTransactionsQueryValidator : AbstractValidator<ListTransactionsQuery>
{
    public ListTransactionsQueryValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, ListTransactionsQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"limit must be between 1 and {ListTransactionsQuery.MaxLimit}.");
}
