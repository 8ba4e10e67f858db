using CleanGames.Application.Identity.Common;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Identity;

public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary><c>Identity:AdminEmails</c>: accounts with these emails are administrators.</summary>
    public List<string> AdminEmails { get; set; } = [];

    /// <summary><c>Identity:AdminTelegramIds</c>: accounts with these Telegram ids are administrators.</summary>
    public List<long> AdminTelegramIds { get; set; } = [];
}

/// <summary>Reads the lists on every check through <see cref="IOptionsMonitor{T}"/>, so an edited list applies without a restart.</summary>
internal sealed class ConfiguredAdminDirectory(IOptionsMonitor<IdentityOptions> options) : IAdminDirectory
{
    public bool IsAdminEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && options.CurrentValue.AdminEmails.Any(e => string.Equals(e.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool IsAdminTelegramId(long? telegramId) =>
        telegramId is { } id && options.CurrentValue.AdminTelegramIds.Contains(id);
}
