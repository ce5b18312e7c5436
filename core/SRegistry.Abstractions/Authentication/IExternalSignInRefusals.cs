namespace SRegistry.Abstractions.Authentication;

/// <summary>
/// How a redirect-login plugin shows a person why their sign-in was refused (for example a SAML
/// response whose signature does not verify): it redirects the browser to the URL this returns, and
/// the core's sign-in page shows the message. The plugin logs the precise reason itself.
/// </summary>
public interface IExternalSignInRefusals
{
    /// <summary>
    /// Returns a local URL (a path and query) of the sign-in page showing <paramref name="message"/>
    /// for a few minutes. The message is protected in the URL, so no one else can put words on the
    /// registry's page; it must be plain text for a person (it is HTML-encoded when shown) and must not
    /// hold secrets. <paramref name="returnUrl"/>, when local, is where a later sign-in goes.
    /// </summary>
    string SignInPageUrl(string message, string? returnUrl);
}
