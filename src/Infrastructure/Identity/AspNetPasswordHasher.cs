using CleanGames.Application.Identity.Common;
using Microsoft.AspNetCore.Identity;

namespace CleanGames.Infrastructure.Identity;

/// <summary>
/// <see cref="PasswordHasher{TUser}"/> from Microsoft.Extensions.Identity.Core (shipped in the
/// ASP.NET Core shared framework): PBKDF2 with a per-password salt, versioned so that hashes made
/// with weaker settings are reported for upgrade.
/// </summary>
internal sealed class AspNetPasswordHasher : Application.Identity.Common.IPasswordHasher
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();
    private readonly Lazy<string> _dummyHash;

    public AspNetPasswordHasher()
    {
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(User, Guid.NewGuid().ToString("N")));
    }

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(User, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };

    public void VerifyAgainstDummy(string password) => _hasher.VerifyHashedPassword(User, _dummyHash.Value, password);
}
