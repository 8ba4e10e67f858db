using CleanGames.Domain.Identity.Accounts;
using System.Text;
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
        // The rules read the name as it will be stored (NFKC), so a full-width or decomposed spelling
        // is judged by the letters it stands for.
        RuleFor(c => c.Username == null ? string.Empty : Account.CanonicalUsername(c.Username))
            .Must(u => u.EnumerateRunes().Count() >= MinUsernameLength).WithMessage($"Username must be at least {MinUsernameLength} characters.")
            .MaximumLength(Account.MaxUsernameLength).WithMessage($"Username must be at most {Account.MaxUsernameLength} characters.")
            .Must(BeUsernameCharacters).WithMessage("Username may contain letters, digits, '_', '.' and '-' only.")
            .Must(u => !u.Contains('@')).WithMessage("Username may not contain '@'.")
            .OverridePropertyName(nameof(RegisterAccountCommand.Username))
            .When(c => !string.IsNullOrEmpty(c.Username));

        RuleFor(c => c.Password).NotEmpty().WithMessage("Password is required.");
        RuleFor(c => c.Password!)
            .MinimumLength(MinPasswordLength).WithMessage($"Password must be at least {MinPasswordLength} characters.")
            .MaximumLength(MaxPasswordLength).WithMessage($"Password must be at most {MaxPasswordLength} characters.")
            .When(c => !string.IsNullOrEmpty(c.Password));

        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Display name is required.").When(c => c.Form == RegistrationForm.Novels);
        RuleFor(c => c.DisplayName!).MaximumLength(Account.MaxDisplayNameLength).When(c => c.DisplayName is not null);
    }

    // Letters and digits of any script (players write Russian), and '_', '.' and '-'. Counted by
    // Unicode scalar, so a letter outside the Basic Multilingual Plane is one letter, and text that
    // is not valid UTF-16 is refused rather than read.
    private static bool BeUsernameCharacters(string username)
    {
        var rest = username.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done
                || !(Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '.' or '-'))
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
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
