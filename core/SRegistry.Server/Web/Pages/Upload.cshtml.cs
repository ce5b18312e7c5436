using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace SRegistry.Server.Web.Pages;

/// <summary>
/// <c>/upload</c>: pick a SIF file and where it goes. The page only renders the form; site.js sends the
/// file to <see cref="BrowserUploadEndpoint"/> with a progress bar and then opens the new image's page.
/// </summary>
[Authorize(AuthenticationSchemes = WebSession.Scheme)]
public sealed class UploadModel(WebCallers callers) : RegistryPageModel(callers)
{
    /// <summary>The entity the form suggests: the user's own.</summary>
    public string Entity { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        Entity = caller.UserName!;
        return Page();
    }
}
