using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Authentication;

/// <summary>
/// Outside Production a missing <c>Jwt:SigningKey</c> is generated once and kept in
/// <c>data/jwt-signing-key</c> under the content root, so tokens survive restarts with no setup.
/// Production never invents a key: start-up fails with a message naming the setting.
/// </summary>
internal sealed partial class JwtOptionsSetup(IHostEnvironment environment, ILogger<JwtOptionsSetup> logger)
    : IPostConfigureOptions<JwtOptions>, IValidateOptions<JwtOptions>
{
    private static readonly Lock FileLock = new();

    public void PostConfigure(string? name, JwtOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey) || environment.IsProduction())
        {
            return;
        }

        options.SigningKey = LoadOrCreateDevelopmentKey();
    }

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return ValidateOptionsResult.Fail(
                "Jwt:SigningKey is not set. In Production it is required: set it (environment variable Jwt__SigningKey) to a random secret of at least 32 bytes.");
        }

        if (Encoding.UTF8.GetByteCount(options.SigningKey) < JwtOptions.MinimumKeyBytes)
        {
            return ValidateOptionsResult.Fail($"Jwt:SigningKey must be at least {JwtOptions.MinimumKeyBytes} bytes long.");
        }

        if (options.AccessTokenMinutes <= 0)
        {
            return ValidateOptionsResult.Fail("Jwt:AccessTokenMinutes must be positive.");
        }

        return ValidateOptionsResult.Success;
    }

    private string LoadOrCreateDevelopmentKey()
    {
        var directory = Path.Combine(environment.ContentRootPath, "data");
        var path = Path.Combine(directory, "jwt-signing-key");
        lock (FileLock)
        {
            if (File.Exists(path))
            {
                var existing = File.ReadAllText(path).Trim();
                if (Encoding.UTF8.GetByteCount(existing) >= JwtOptions.MinimumKeyBytes)
                {
                    return existing;
                }
            }

            Directory.CreateDirectory(directory);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temporary, key);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                // Another process starting at the same moment may have written one first: keep theirs.
                File.Move(temporary, path, overwrite: false);
                LogGenerated(path);
                return key;
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
                return File.ReadAllText(path).Trim();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated a development JWT signing key in {Path}")]
    private partial void LogGenerated(string path);
}
