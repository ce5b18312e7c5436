using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Accounts;
using SRegistry.Core.Domain;

namespace SRegistry.Server.Web.Pages.Admin;

/// <summary><c>/admin</c>: the registry's users; create, disable or enable, grant or withdraw administration.</summary>
public sealed class UsersModel(WebCallers callers, AccountService accounts) : AdminPageModel(callers)
{
    public IReadOnlyList<User> Users { get; private set; } = [];

    /// <summary>The signed-in administrator, whose own row offers no way to lock themself out.</summary>
    public string? Me { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? userName, string? email, string? password, bool isAdmin)
    {
        var caller = await CallerAsync();
        var created = await accounts.CreateUserAsync(
            userName?.Trim() ?? "", email, string.IsNullOrEmpty(password) ? null : password, isAdmin, caller.Actor, HttpContext.RequestAborted);
        if (created.Succeeded)
        {
            Notice = $"The user '{created.Value.UserName}' is created" + (password is { Length: > 0 } ? "." : " without a password: they sign in with tokens or an external login.");
            return RedirectToPage();
        }

        return await RefuseAsync(created.Message);
    }

    public async Task<IActionResult> OnPostActiveAsync(string? userName, bool active)
    {
        var caller = await CallerAsync();
        if (!active && userName == caller.UserName)
            return await RefuseAsync("You cannot disable your own account; ask another administrator.");

        var changed = await accounts.SetActiveAsync(userName ?? "", active, caller.Actor, HttpContext.RequestAborted);
        if (!changed.Succeeded) return await RefuseAsync(changed.Message);
        Notice = $"The user '{userName}' is {(active ? "enabled" : "disabled")}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAdminAsync(string? userName, bool admin)
    {
        var caller = await CallerAsync();
        if (!admin && userName == caller.UserName)
            return await RefuseAsync("You cannot withdraw your own administration; ask another administrator.");

        var changed = await accounts.SetAdminAsync(userName ?? "", admin, caller.Actor, HttpContext.RequestAborted);
        if (!changed.Succeeded) return await RefuseAsync(changed.Message);
        Notice = $"The user '{userName}' {(admin ? "is now an administrator" : "is no longer an administrator")}.";
        return RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(string message)
    {
        Error = message;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Me = (await CallerAsync()).UserName;
        Users = await accounts.ListUsersAsync(HttpContext.RequestAborted);
    }
}
