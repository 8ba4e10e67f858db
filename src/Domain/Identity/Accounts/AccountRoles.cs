namespace CleanGames.Domain.Identity.Accounts;

/// <summary>What an account may do beyond playing. Stored as flags; rendered as role names.</summary>
[Flags]
public enum AccountRoles
{
    None = 0,
    User = 1,
    Moderator = 2,
    Admin = 4,
}

public static class AccountRoleNames
{
    public const string User = "user";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    /// <summary>Every role name, in the order <see cref="Of"/> lists them.</summary>
    public static readonly IReadOnlyList<string> All = [User, Moderator, Admin];

    /// <summary>The role named <paramref name="name"/> (exactly as <see cref="All"/> spells it).</summary>
    public static AccountRoles Parse(string name) => name switch
    {
        User => AccountRoles.User,
        Moderator => AccountRoles.Moderator,
        Admin => AccountRoles.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a role name."),
    };

    public static IReadOnlyList<string> Of(AccountRoles roles)
    {
        var names = new List<string>(3);
        if (roles.HasFlag(AccountRoles.User))
        {
            names.Add(User);
        }

        if (roles.HasFlag(AccountRoles.Moderator))
        {
            names.Add(Moderator);
        }

        if (roles.HasFlag(AccountRoles.Admin))
        {
            names.Add(Admin);
        }

        return names;
    }
}
