using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Persistence;

/// <summary>
/// Data Protection's key ring in the <c>data_protection_keys</c> table, so that a download URL, a
/// sign-in cookie or a form token made by one server instance is accepted by every other instance
/// on the same database. Data Protection calls it synchronously, rarely (it caches the ring).
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<RegistryDbContext> contexts, TimeProvider time) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = time.GetUtcNow(),
        });
        db.SaveChanges();
    }
}
