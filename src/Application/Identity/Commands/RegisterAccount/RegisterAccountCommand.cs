using CleanGames.Application.Identity.Common;
using MediatR;

namespace CleanGames.Application.Identity.Commands.RegisterAccount;

/// <summary>Which seed's registration form this is: each requires different fields.</summary>
public enum RegistrationForm
{
    /// <summary>Seed 002: email, username and password.</summary>
    GameClient,

    /// <summary>Seed 001: email and password.</summary>
    Clicker,

    /// <summary>Seed 004: email, password and display name.</summary>
    Novels,
}

public sealed record RegisterAccountCommand(RegistrationForm Form, string? Email, string? Username, string? Password, string? DisplayName, bool StartSession)
    : IRequest<RegisteredAccount>;

public sealed record RegisteredAccount(AccountSummary Account, SessionTokens? Tokens);
