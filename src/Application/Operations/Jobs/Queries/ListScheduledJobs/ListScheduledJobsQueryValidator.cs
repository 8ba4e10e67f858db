using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Operations.Jobs.Queries.ListScheduledJobs;

public sealed class ListScheduledJobsQueryValidator : AbstractValidator<ListScheduledJobsQuery>
{
    public ListScheduledJobsQueryValidator() => Include(new PageRequestValidator());
}
