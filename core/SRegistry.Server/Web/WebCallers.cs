using Microsoft.EntityFrameworkCore;
using SRegistry.Core.Catalog;
using SRegistry.Core.Persistence;

namespace SRegistry.Server.Web;

/// <summary>
/// The caller behind a browser request: the session's user, reloaded on every request so that a
/// disabled account loses its rights at once, or anonymous.
/// </summary>
public sealed class WebCallers(RegistryDbContext db, CallerFactory callers)
{
    public async Task<Caller> ForAsync(HttpContext context)
    {
        if (context.Items[typeof(Caller)] is Caller known)
            return known;
        var userId = WebSession.UserId(context.User);
        var user = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, context.RequestAborted);
        var caller = user is null ? Caller.Anonymous : await callers.ForUserAsync(user, context.RequestAborted);
        context.Items[typeof(Caller)] = caller;
        return caller;
    }
}
