using AutoMapper;
using CleanGames.Domain.Identity.Accounts;

namespace CleanGames.Application.Identity.Common;

/// <summary>An account as an administrator sees it (the admin API's search and role changes).</summary>
public sealed record AdminAccountView(
    long Id,
    string? Email,
    string? Username,
    string? DisplayName,
    long? TelegramId,
    string? TelegramUsername,
    IReadOnlyList<string> Roles,
    string Status,
    bool IsBootstrapAdmin,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt);

/// <summary>The columns of <see cref="AdminAccountView"/> as the database selects them (roles still as flags).</summary>
public sealed record AdminAccountRow(
    long Id,
    string? Email,
    string? Username,
    string? DisplayName,
    long? TelegramId,
    string? TelegramUsername,
    AccountRoles Roles,
    AccountStatus Status,
    bool IsBootstrapAdmin,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt)
{
    public AdminAccountView ToView() => new(
        Id, Email, Username, DisplayName, TelegramId, TelegramUsername, AccountRoleNames.Of(Roles),
        Status == AccountStatus.Banned ? "banned" : "active", IsBootstrapAdmin, CreatedAt, LastLoginAt);
}

/// <summary>Projects an account to <see cref="AdminAccountRow"/> in the database, and maps a loaded one the same way.</summary>
public sealed class AdminAccountRowProfile : Profile
{
    public AdminAccountRowProfile() =>
        CreateMap<Account, AdminAccountRow>()
            .ForCtorParam(nameof(AdminAccountRow.TelegramId), o => o.MapFrom(a => a.Telegram == null ? (long?)null : a.Telegram.TelegramId))
            .ForCtorParam(nameof(AdminAccountRow.TelegramUsername), o => o.MapFrom(a => a.Telegram == null ? null : a.Telegram.Username));
}
