using CleanGames.Domain.Identity.Accounts;
using FluentValidation;

namespace CleanGames.Application.Identity.Commands.RegisterAccount;

public sealed class RegisterAccountCommandValidator : AbstractValidator<RegisterAccountCommand>
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MinUsernameLength = 3;

    public RegisterAccountCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Email is required.");
        RuleFor(c => c.Email!)
            .MaximumLength(Account.MaxEmailLength)
            .Must(BeAnEmailAddress).WithMessage("Invalid email format.").WithErrorCode("EmailValidator")
            .When(c => !string.IsNullOrEmpty(c.Email));

        RuleFor(c => c.Username).NotEmpty().WithMessage("Username is required.").When(c => c.Form == RegistrationForm.GameClient);
        RuleFor(c => c.Username!)
            .MinimumLength(MinUsernameLength).WithMessage($"Username must be at least {MinUsernameLength} characters.")
            .MaximumLength(Account.MaxUsernameLength)
            .Matches("^[A-Za-z0-9_.-]+$").WithMessage("Username may contain letters, digits, '_', '.' and '-' only.")
            .Must(u => !u.Contains('@')).WithMessage("Username may not contain '@'.")
            .When(c => !string.IsNullOrEmpty(c.Username));

        RuleFor(c => c.Password).NotEmpty().WithMessage("Password is required.");
        RuleFor(c => c.Password!)
            .MinimumLength(MinPasswordLength).WithMessage($"Password must be at least {MinPasswordLength} characters.")
            .MaximumLength(MaxPasswordLength).WithMessage($"Password must be at most {MaxPasswordLength} characters.")
            .When(c => !string.IsNullOrEmpty(c.Password));

        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Display name is required.").When(c => c.Form == RegistrationForm.Novels);
        RuleFor(c => c.DisplayName!).MaximumLength(Account.MaxDisplayNameLength).When(c => c.DisplayName is not null);
    }

    // One '@', a non-empty local part, a dotted domain without spaces: what mail servers accept in practice.
    private static bool BeAnEmailAddress(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.IndexOf('@');
        if (at <= 0 || at != trimmed.LastIndexOf('@') || trimmed.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var domain = trimmed[(at + 1)..];
        return domain.Length >= 3 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }
}
