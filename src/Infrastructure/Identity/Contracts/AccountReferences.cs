using System.Linq.Expressions;
using CleanGames.Domain.Identity.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Identity.Contracts;

/// <summary>
/// How another module's table refers to an account without its configuration naming Identity's
/// aggregate: a foreign key to <c>identity_accounts</c>, so a row cannot name a missing account and
/// goes with the account.
/// </summary>
internal static class AccountReferences
{
    /// <summary>The row's key is an account id: at most one row per account.</summary>
    public static void KeyedByAccount<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> accountId)
        where T : class =>
        builder.HasOne<Account>().WithOne().HasForeignKey<T>(accountId).OnDelete(DeleteBehavior.Cascade);

    /// <summary>The row belongs to an account that may own many such rows (its key is its own).</summary>
    public static void BelongsToAccount<T>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> accountId)
        where T : class =>
        builder.HasOne<Account>().WithMany().HasForeignKey(accountId).OnDelete(DeleteBehavior.Cascade);
}
