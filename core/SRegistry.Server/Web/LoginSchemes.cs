using Microsoft.AspNetCore.Authentication;

namespace SRegistry.Server.Web;

/// <summary>The redirect-login schemes plugins registered: those with a display name (the core's own have none).</summary>
public sealed class LoginSchemes(IAuthenticationSchemeProvider schemes)
{
    public async Task<IReadOnlyList<AuthenticationScheme>> ListAsync() =>
        [.. (await schemes.GetAllSchemesAsync()).Where(s => !string.IsNullOrEmpty(s.DisplayName)).OrderBy(s => s.DisplayName, StringComparer.Ordinal)];
}
