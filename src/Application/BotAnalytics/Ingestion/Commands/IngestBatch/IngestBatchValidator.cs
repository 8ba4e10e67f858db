using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Ingestion.Common;
using CleanGames.Domain.BotAnalytics.Records;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Ingestion.Commands.IngestBatch;

/// <summary>
/// The whole batch, every record, before anything is stored: errors are keyed by the record's path
/// (<c>users[1].user_id</c>), and one bad record refuses the batch. Run by the handler once the
/// ingest key is known good, so a caller without a key learns nothing about the format.
/// </summary>
public sealed class IngestBatchValidator : AbstractValidator<IngestBatch>
{
    public const int MaxTextLength = 128;

    public IngestBatchValidator()
    {
        When(b => b.RecordCount <= IngestBatch.MaxRecords, () =>
        {
            RuleForEach(b => b.Users).NotNull().WithMessage("A record must be an object.").ChildRules(user =>
            {
                user.RuleFor(u => u!.UserId).NotNull().WithMessage("Field required");
                user.RuleFor(u => u!.RegDate).NotNull().WithMessage("Field required");
                Text(user.RuleFor(u => u!.Username));
                user.RuleFor(u => u!.RefPercent).InclusiveBetween(0, 100).WithMessage("ref_percent must be between 0 and 100.");
                user.RuleFor(u => u!.Meta).Must(MetaJson.IsObjectOrNull).WithMessage("meta must be a JSON object.")
                    .Must(m => (MetaJson.ToText(m)?.Length ?? 0) <= MetaJson.MaxLength).WithMessage($"meta must be at most {MetaJson.MaxLength} characters of JSON.");
            });

            RuleForEach(b => b.Payments).NotNull().WithMessage("A record must be an object.").ChildRules(payment =>
            {
                payment.RuleFor(p => p!.BillId).NotEmpty().WithMessage("Field required")
                    .MaximumLength(MaxTextLength).WithMessage($"bill_id must be at most {MaxTextLength} characters.");
                payment.RuleFor(p => p!.Date).NotNull().WithMessage("Field required");
                payment.RuleFor(p => p!.Amount).Must(a => a is null || Amount.IsRepresentable(a.Value))
                    .WithMessage($"amount must have at most {Amount.DecimalPlaces} decimal places.");
                payment.RuleFor(p => p!.Kind).Must(PaymentKinds.IsKnown)
                    .WithMessage($"kind must be one of: {string.Join(", ", PaymentKinds.Names)}.");
                Text(payment.RuleFor(p => p!.Currency));
                Text(payment.RuleFor(p => p!.Status));
                Text(payment.RuleFor(p => p!.Provider));
                payment.RuleFor(p => p!.Meta).Must(MetaJson.IsObjectOrNull).WithMessage("meta must be a JSON object.")
                    .Must(m => (MetaJson.ToText(m)?.Length ?? 0) <= MetaJson.MaxLength).WithMessage($"meta must be at most {MetaJson.MaxLength} characters of JSON.");
            });

            RuleForEach(b => b.Subscriptions).NotNull().WithMessage("A record must be an object.").ChildRules(subscription =>
            {
                subscription.RuleFor(s => s!.SubUid).NotEmpty().WithMessage("Field required")
                    .MaximumLength(MaxTextLength).WithMessage($"sub_uid must be at most {MaxTextLength} characters.");
                subscription.RuleFor(s => s!.StartDate).NotNull().WithMessage("Field required");
                subscription.RuleFor(s => s!.StopDate).GreaterThanOrEqualTo(s => s!.StartDate)
                    .When(s => s!.StopDate is not null && s.StartDate is not null).WithMessage("stop_date must not be before start_date.");
                subscription.RuleFor(s => s!.Keys).GreaterThanOrEqualTo(0).WithMessage("keys must be 0 or more.");
                Text(subscription.RuleFor(s => s!.Status));
                subscription.RuleFor(s => s!.Meta).Must(MetaJson.IsObjectOrNull).WithMessage("meta must be a JSON object.")
                    .Must(m => (MetaJson.ToText(m)?.Length ?? 0) <= MetaJson.MaxLength).WithMessage($"meta must be at most {MetaJson.MaxLength} characters of JSON.");
            });
        });
    }

    private static void Text<T>(IRuleBuilderInitial<T, string?> rule) =>
        rule.MaximumLength(MaxTextLength).WithMessage($"At most {MaxTextLength} characters.");
}
