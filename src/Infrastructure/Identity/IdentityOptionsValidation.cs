using CleanGames.Application.Identity.Commands.RegisterAccount;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Identity;

/// <summary>
/// Refuses to start on identity settings that would hand out roles unsafely: the retired
/// <c>Identity:AdminEmails</c> (emails are never verified, so whoever registered a listed address
/// first became admin), a bootstrap admin with half its settings, or its password in a settings file.
/// </summary>
internal sealed class IdentityOptionsValidation(IConfiguration configuration) : IValidateOptions<IdentityOptions>
{
    public const string RetiredAdminEmailsKey = "Identity:AdminEmails";
    public const string BootstrapPasswordKey = "Identity:BootstrapAdmin:Password";

    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        if (configuration.GetSection(RetiredAdminEmailsKey) is var retired && (retired.Value is not null || retired.GetChildren().Any()))
        {
            return ValidateOptionsResult.Fail(
                $"{RetiredAdminEmailsKey} is no longer supported: emails are not verified, so it made admin whoever registered a listed address first. " +
                "Remove it. Set Identity:BootstrapAdmin:Email and Identity:BootstrapAdmin:Password (environment only) to have the server create the first admin, " +
                "then grant roles with PUT /api/admin/accounts/{id}/roles. Identity:AdminTelegramIds still applies.");
        }

        var bootstrap = options.BootstrapAdmin;
        var hasEmail = !string.IsNullOrWhiteSpace(bootstrap.Email);
        var hasPassword = !string.IsNullOrEmpty(bootstrap.Password);
        if (hasEmail != hasPassword)
        {
            return ValidateOptionsResult.Fail(
                "Identity:BootstrapAdmin:Email and Identity:BootstrapAdmin:Password are set together or not at all (the password from the environment: Identity__BootstrapAdmin__Password).");
        }

        if (!hasEmail)
        {
            return ValidateOptionsResult.Success;
        }

        if (FromSettingsFile(BootstrapPasswordKey))
        {
            return ValidateOptionsResult.Fail(
                $"{BootstrapPasswordKey} is a secret and is read from the environment only (Identity__BootstrapAdmin__Password); remove it from the settings file.");
        }

        if (!bootstrap.Email!.Contains('@', StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Identity:BootstrapAdmin:Email must be an email address.");
        }

        return bootstrap.Password!.Length is < RegisterAccountCommandValidator.MinPasswordLength or > RegisterAccountCommandValidator.MaxPasswordLength
            ? ValidateOptionsResult.Fail(
                $"Identity:BootstrapAdmin:Password must have {RegisterAccountCommandValidator.MinPasswordLength}–{RegisterAccountCommandValidator.MaxPasswordLength} characters, as any account's password.")
            : ValidateOptionsResult.Success;
    }

    /// <summary>True when the value that wins for <paramref name="key"/> comes from a settings file (appsettings*.json and the like).</summary>
    private bool FromSettingsFile(string key) =>
        configuration is IConfigurationRoot root
        && root.Providers.LastOrDefault(p => p.TryGet(key, out _)) is FileConfigurationProvider;
}
