using FluentValidation;

namespace CleanGames.Application.Common.Models;

/// <summary>
/// The one paging rule, included by the validator of every <see cref="IPagedRequest"/>
/// (<c>Include(new PageRequestValidator())</c>): page ≥ 1, page size 1–<see cref="PageLimits.MaxSize"/>,
/// and no page past the result window (<see cref="PageRequest.MaxWindow"/> rows). Routes whose seed
/// names the size differently or allows larger pages pass their <see cref="PageLimits"/> (seed 003:
/// <c>limit</c>, 1–1000, default 100). Each route answers a refusal as its dialect answers request validation.
/// </summary>
public sealed class PageRequestValidator : AbstractValidator<IPagedRequest>
{
    public PageRequestValidator()
        : this(PageLimits.Default)
    {
    }

    public PageRequestValidator(PageLimits limits)
    {
        var sizeName = Json(limits.SizeName);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null)
            .WithMessage("page must be 1 or more.");
        RuleFor(q => q.PerPage).InclusiveBetween(1, limits.MaxSize).When(q => q.PerPage is not null)
            .OverridePropertyName(limits.SizeName)
            .WithMessage($"{sizeName} must be between 1 and {limits.MaxSize}.");

        // Checked as a maximum page, so the check itself multiplies nothing that could overflow.
        RuleFor(q => q.Page).LessThanOrEqualTo(q => PageRequest.LastPage(q.PerPage ?? limits.DefaultSize))
            .When(q => q.Page is not null && (q.PerPage is null || (q.PerPage >= 1 && q.PerPage <= limits.MaxSize)))
            .WithMessage(q => $"Pages end at row {PageRequest.MaxWindow}: with {sizeName} {q.PerPage ?? limits.DefaultSize} the last page is {PageRequest.LastPage(q.PerPage ?? limits.DefaultSize)}.");
    }

    private static string Json(string memberName) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(memberName);
}
