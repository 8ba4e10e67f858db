using FluentValidation;

namespace CleanGames.Application.Common.Models;

/// <summary>
/// The one paging rule, included by the validator of every <see cref="IPagedRequest"/>
/// (<c>Include(new PageRequestValidator())</c>): page ≥ 1, per_page 1–<see cref="PageRequest.MaxPageSize"/>,
/// and no page past the result window (<see cref="PageRequest.MaxWindow"/> rows). Each route answers a
/// refusal as its dialect answers request validation.
/// </summary>
public sealed class PageRequestValidator : AbstractValidator<IPagedRequest>
{
    public PageRequestValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null)
            .WithMessage("page must be 1 or more.");
        RuleFor(q => q.PerPage).InclusiveBetween(1, PageRequest.MaxPageSize).When(q => q.PerPage is not null)
            .WithMessage($"per_page must be between 1 and {PageRequest.MaxPageSize}.");

        // Checked as a maximum page, so the check itself multiplies nothing that could overflow.
        RuleFor(q => q.Page).LessThanOrEqualTo(q => PageRequest.LastPage(q.PerPage ?? PageRequest.DefaultPageSize))
            .When(q => q.Page is not null && q.PerPage is null or >= 1 and <= PageRequest.MaxPageSize)
            .WithMessage(q => $"Pages end at row {PageRequest.MaxWindow}: with per_page {q.PerPage ?? PageRequest.DefaultPageSize} the last page is {PageRequest.LastPage(q.PerPage ?? PageRequest.DefaultPageSize)}.");
    }
}
