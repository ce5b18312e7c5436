using Microsoft.AspNetCore.DataProtection;
using SRegistry.Abstractions.Authentication;

namespace SRegistry.Server.Web;

/// <summary>
/// Carries a plugin's refusal message to the sign-in page inside the URL, protected and short-lived,
/// so only the registry can put words on its own page and a copied link stops working.
/// </summary>
public sealed class SignInRefusals(IDataProtectionProvider protection) : IExternalSignInRefusals
{
    /// <summary>The sign-in page's query parameter that holds the protected message.</summary>
    public const string QueryKey = "refusal";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("SRegistry.Web.SignInRefusal").ToTimeLimitedDataProtector();

    /// <inheritdoc />
    public string SignInPageUrl(string message, string? returnUrl)
    {
        var url = "/auth/sign-in?" + QueryKey + "=" + Uri.EscapeDataString(_protector.Protect(message, Lifetime));
        return returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? url + "&returnUrl=" + Uri.EscapeDataString(returnUrl)
            : url;
    }

    /// <summary>The message a <see cref="SignInPageUrl"/> carries, or null when it was altered or has expired.</summary>
    public string? Read(string? protectedMessage)
    {
        if (string.IsNullOrEmpty(protectedMessage))
            return null;
        try
        {
            return _protector.Unprotect(protectedMessage);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
