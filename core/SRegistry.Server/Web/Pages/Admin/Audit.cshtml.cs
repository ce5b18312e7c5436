using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Paging;

namespace SRegistry.Server.Web.Pages.Admin;

/// <summary><c>/admin/audit</c>: the audit log, newest first, paged, narrowed by actor and action.</summary>
public sealed class AuditModel(WebCallers callers, AuditTrail trail) : AdminPageModel(callers)
{
    public Page<AuditEvent> Events { get; private set; } = new([], PageRequest.First, 0);

    public string? Actor { get; private set; }

    public string? Action { get; private set; }

    public async Task OnGetAsync(string? actor, string? action, int? page)
    {
        Actor = actor;
        Action = action;
        Events = await trail.SearchAsync(actor, action, new PageRequest(Math.Max(page ?? 1, 1), PageRequest.DefaultSize), HttpContext.RequestAborted);
    }
}
