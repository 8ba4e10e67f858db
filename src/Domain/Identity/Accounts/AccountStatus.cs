namespace CleanGames.Domain.Identity.Accounts;

public enum AccountStatus
{
    Active,
    Banned,
}
