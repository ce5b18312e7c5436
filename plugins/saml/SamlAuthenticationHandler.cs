using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Authentication;
using SRegistry.Abstractions.Security;

namespace SRegistry.Plugins.Saml;

/// <summary>
/// The "saml" redirect-login scheme. A challenge sends the browser to the identity provider with an
/// AuthnRequest whose id is recorded as pending (in the database, so any instance can take the answer);
/// the assertion consumer service checks the posted response, accepts each assertion once, and hands
/// the person to the core's callback through <see cref="RegistryAuthenticationSchemes.External"/>.
/// A refused response goes back to the sign-in page with the reason; the precise one is logged.
/// </summary>
public sealed class SamlAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<SamlOptions> samlOptions,
    IdentityProviderSource identityProvider,
    IOneTimeUseStore oneTimeUse,
    IExternalSignInRefusals refusals,
    SamlRelayState relayStates)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder), IAuthenticationRequestHandler
{
    private const string PendingRequests = "saml-request";
    private const string AcceptedAssertions = "saml-assertion";
    private const int MaxResponseCharacters = 1_000_000;

    /// <inheritdoc />
    public async Task<bool> HandleRequestAsync()
    {
        if (Request.Path != SamlPaths.AssertionConsumerService)
            return false;
        if (!HttpMethods.IsPost(Request.Method))
        {
            Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return true;
        }

        IFormCollection form;
        try
        {
            form = Request.HasFormContentType ? await Request.ReadFormAsync(Context.RequestAborted) : FormCollection.Empty;
        }
        catch (InvalidDataException e)
        {
            // A field beyond the form limits: no identity provider sends that.
            Logger.LogWarning("SAML sign-in refused: the form could not be read ({Detail})", e.Message);
            Response.Redirect(refusals.SignInPageUrl("The sign-in response was too large to be one from the identity provider; start again from the sign-in page.", null));
            return true;
        }

        var properties = relayStates.Read(form["RelayState"].ToString());
        try
        {
            if (properties is null)
                throw new SamlRefusedException("The sign-in came back without this registry's state (it is too old or was altered); start again from the sign-in page.",
                    "RelayState missing, altered or expired");
            var principal = await AcceptAsync(form["SAMLResponse"].ToString(), properties.Items[SamlRelayState.RequestIdKey] ?? "");
            await Context.SignInAsync(RegistryAuthenticationSchemes.External, principal, properties);
            Response.Redirect(properties.RedirectUri ?? "/");
        }
        catch (SamlRefusedException refused)
        {
            Logger.LogWarning("SAML sign-in refused: {Reason} ({Detail})", refused.Message, refused.Detail);
            Response.Redirect(refusals.SignInPageUrl(refused.Message, null));
        }

        return true;
    }

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        IdentityProviderDescriptor idp;
        try
        {
            idp = await identityProvider.GetAsync(Context.RequestAborted);
        }
        catch (SamlRefusedException refused)
        {
            Logger.LogError("SAML sign-in cannot start: {Reason} ({Detail})", refused.Message, refused.Detail);
            Response.Redirect(refusals.SignInPageUrl(refused.Message, null));
            return;
        }

        var options = samlOptions.Value;
        var now = TimeProvider.GetUtcNow();
        // An xs:ID must not start with a digit; 128 random bits make it unguessable.
        var requestId = "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await oneTimeUse.IssueAsync(PendingRequests, requestId, now + options.RequestLifetime, Context.RequestAborted);
        properties.Items[SamlRelayState.RequestIdKey] = requestId;
        Response.Redirect(AuthnRequestRedirect.Url(idp, options, requestId, now, relayStates.Write(properties, options.RequestLifetime)));
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> AcceptAsync(string samlResponse, string requestId)
    {
        if (samlResponse.Length is 0 or > MaxResponseCharacters)
            throw new SamlRefusedException("The identity provider's response was refused: it is missing or too large.", $"SAMLResponse of {samlResponse.Length} characters");
        string xml;
        try
        {
            xml = Encoding.UTF8.GetString(Convert.FromBase64String(samlResponse));
        }
        catch (FormatException)
        {
            throw new SamlRefusedException("The identity provider's response was refused: it is not base64.", "SAMLResponse is not base64");
        }

        var options = samlOptions.Value;
        var idp = await identityProvider.GetAsync(Context.RequestAborted);
        var assertion = SamlResponseReader.Read(SafeXml.Load(xml, "SAML response"), idp, options, TimeProvider.GetUtcNow());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(assertion.InResponseTo), Encoding.UTF8.GetBytes(requestId)))
            throw new SamlRefusedException("The identity provider's response was refused: it answers a sign-in this browser did not start.",
                $"InResponseTo '{assertion.InResponseTo}', RelayState request '{requestId}'");
        if (!await oneTimeUse.TryUseOnceAsync(AcceptedAssertions, idp.EntityId + "\n" + assertion.Id, assertion.ExpiresAt, Context.RequestAborted))
            throw new SamlRefusedException("The identity provider's response was refused: it was already used (a replay); sign in again.",
                $"assertion '{assertion.Id}' seen before");
        if (!await oneTimeUse.TryRedeemAsync(PendingRequests, requestId, Context.RequestAborted))
            throw new SamlRefusedException("The identity provider's response was refused: it answers a sign-in that is unknown, expired or already finished; sign in again.",
                $"request '{requestId}' not pending");
        return SamlClaims.Principal(assertion, options, Scheme.Name);
    }
}
