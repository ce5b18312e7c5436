using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SRegistry.Server.Web.Pages.Admin;

/// <summary>
/// The administration pages: every handler, GET or POST, answers 404 to anyone but an administrator,
/// so the pages do not reveal that they exist.
/// </summary>
public abstract class AdminPageModel(WebCallers callers) : RegistryPageModel(callers)
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!(await CallerAsync()).IsAdmin)
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }
}
