using SRegistry.Server.Hosting;

namespace SRegistry.Server.Web.Pages.Admin;

/// <summary><c>/admin/settings</c>: the registry-wide configuration in effect, read-only, secrets masked.</summary>
/// <remarks>It reads <see cref="IConfiguration"/> because showing the configuration is its whole job.</remarks>
public sealed class SettingsModel(WebCallers callers, IConfiguration configuration) : AdminPageModel(callers)
{
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; } = EffectiveConfiguration.Describe(configuration);

    public void OnGet()
    {
    }
}
