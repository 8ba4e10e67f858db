using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.Persistence;

/// <summary>
/// The Data Protection key ring in the application's database (<c>platform_data_protection_keys</c>),
/// shared by every instance on it. Data Protection's own EF repository saves synchronously, which
/// the application's context refuses (every save goes through the asynchronous path and, on SQLite,
/// its write gate); this one saves as every other write does. Keys are written rarely (one at first
/// start, then one every 90 days), read when the ring is refreshed.
/// </summary>
internal sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Where(xml => !string.IsNullOrEmpty(xml))
            .Select(xml => XElement.Parse(xml!))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var xml = element.ToString(SaveOptions.DisableFormatting);

        // Data Protection's interface is synchronous; the save runs on the pool, off the caller's context.
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml });
            await db.SaveChangesAsync();
        }).GetAwaiter().GetResult();
    }
}
