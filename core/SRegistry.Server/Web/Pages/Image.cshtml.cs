using Microsoft.AspNetCore.Mvc;
using SRegistry.Core.Catalog;
using SRegistry.Core.Domain;
using SRegistry.Core.Sharing;
using SRegistry.Server.Sharing;

namespace SRegistry.Server.Web.Pages;

public sealed class ImageModel(WebCallers callers, ImageCatalog images, ShareLinkService sharing, TimeProvider time) : RegistryPageModel(callers)
{
    public Image? Image { get; private set; }

    /// <summary>The image's share links; null for callers who may not manage them.</summary>
    public IReadOnlyList<ShareLink>? ShareLinks { get; private set; }

    /// <summary>The URL of a link just created: in this one response only.</summary>
    public string? CreatedUrl { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<IActionResult> OnGetAsync(long id) => ShowAsync(id);

    public async Task<IActionResult> OnPostShareAsync(long id, int lifetimeHours)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var created = await sharing.CreateAsync(id, TimeSpan.FromHours(lifetimeHours), caller, HttpContext.RequestAborted);
        if (created.Succeeded)
            CreatedUrl = ShareDownloadEndpoints.Url(Request, created.Value.Secret);
        else
            Error = created.Message;
        return await ShowAsync(id);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, long linkId)
    {
        var caller = await CallerAsync();
        if (caller.IsAnonymous) return Challenge();
        var revoked = await sharing.RevokeAsync(linkId, caller, HttpContext.RequestAborted);
        Notice = revoked.Succeeded ? "The share link is revoked." : revoked.Message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> ShowAsync(long id)
    {
        var caller = await CallerAsync();
        var found = await images.GetImageByIdAsync(id, caller, HttpContext.RequestAborted);
        if (!found.Succeeded) return Refusal(found.Error, found.Message, caller);
        Image = found.Value;
        if (!caller.IsAnonymous)
            ShareLinks = (await sharing.ListAsync(id, caller, HttpContext.RequestAborted)).Value;
        return Page();
    }
}
