using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Quotas;
using SRegistry.Core.Usage;

namespace SRegistry.Server.Web.Pages;

/// <summary><c>/usage</c>: where storage goes, over what the caller may see, with the registry total for administrators.</summary>
[Authorize(AuthenticationSchemes = WebSession.Scheme)]
public sealed class UsageModel(WebCallers callers, UsageReport report, QuotaService quotas) : RegistryPageModel(callers)
{
    /// <summary>How many bars a chart draws; the tables below list everything.</summary>
    private const int ChartRows = 12;

    public RegistryUsage Usage { get; private set; } = new([], [], 0, 0);

    public bool IsAdmin { get; private set; }

    /// <summary>What the entities the caller owns take.</summary>
    public long OwnBytes { get; private set; }

    /// <summary>The caller's quota and their teams'.</summary>
    public IReadOnlyList<AccountQuota> Quotas { get; private set; } = [];

    public BarChart CollectionChart { get; private set; } = BarChart.Of("", [], ChartRows);

    public BarChart OwnerChart { get; private set; } = BarChart.Of("", [], ChartRows);

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        Usage = await report.GetAsync(caller, HttpContext.RequestAborted);
        IsAdmin = caller.IsAdmin;
        var accounts = new List<AccountQuota> { await quotas.GetAsync(OwnerKind.User, caller.UserId!.Value, HttpContext.RequestAborted) };
        foreach (var team in caller.TeamIds)
            accounts.Add(await quotas.GetAsync(OwnerKind.Team, team, HttpContext.RequestAborted));
        Quotas = accounts;
        OwnBytes = Usage.Owners.Where(o => o.Kind == OwnerKind.User && o.Name == caller.UserName).Sum(o => o.Bytes);
        CollectionChart = BarChart.Of("Bytes stored per collection", Usage.Collections.Where(c => c.Bytes > 0).Select(c => ($"{c.Entity}/{c.Collection}", c.Bytes)), ChartRows);
        OwnerChart = BarChart.Of("Bytes stored per owner", Usage.Owners.Select(o => (Label(o), o.Bytes)), ChartRows);
        return Page();
    }

    public static string Label(OwnerUsage owner) => owner.Kind switch
    {
        OwnerKind.User => "user " + owner.Name,
        OwnerKind.Team => "team " + owner.Name,
        _ => owner.Name + " (no owner)",
    };
}
