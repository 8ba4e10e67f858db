using CleanGames.Application.Identity.Common;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Identity;

public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary><c>Identity:AdminTelegramIds</c>: accounts with these Telegram ids are administrators (Telegram signs the id).</summary>
    public List<long> AdminTelegramIds { get; set; } = [];

    /// <summary><c>Identity:BootstrapAdmin</c>: the first administrator, created by the server at start.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}

/// <summary>
/// <c>Identity:BootstrapAdmin:Email</c> and <c>Identity:BootstrapAdmin:Password</c>. The password is a
/// secret and is taken from the environment only (<c>Identity__BootstrapAdmin__Password</c>).
/// </summary>
public sealed class BootstrapAdminOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email);
}

/// <summary>Reads the list on every check through <see cref="IOptionsMonitor{T}"/>, so an edited list applies without a restart.</summary>
internal sealed class ConfiguredAdminDirectory(IOptionsMonitor<IdentityOptions> options) : IAdminDirectory
{
    public bool IsAdminTelegramId(long? telegramId) =>
        telegramId is { } id && options.CurrentValue.AdminTelegramIds.Contains(id);
}
