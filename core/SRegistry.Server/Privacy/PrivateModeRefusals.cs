using SRegistry.Core.Accounts;
using SRegistry.Server.Api;
using SRegistry.Server.Library;
using SRegistry.Server.Oci;
using SRegistry.Server.SRegistryCli;

namespace SRegistry.Server.Privacy;

/// <summary>
/// What an anonymous request gets in private mode, in its door's own error format. Nothing in an
/// answer depends on what the registry holds: only on the door and on the request itself.
/// </summary>
public sealed class PrivateModeRefusals(OciChallenge challenge)
{
    private const string Message = "This registry is private: sign in first.";

    public IResult For(HttpContext context, RegistryDoor door) => door switch
    {
        RegistryDoor.Library => LibraryResults.Error(StatusCodes.Status401Unauthorized, Message + " Use `singularity remote login` with an API token."),
        RegistryDoor.RestApi => ApiResults.Problem(StatusCodes.Status401Unauthorized, "unauthenticated", Message + " Send 'Authorization: Bearer <API token>'."),

        // sregistry-cli signs a request only after a 403.
        RegistryDoor.SRegistryCli => SRegistryCliResults.Message(StatusCodes.Status403Forbidden, Message + " Put your token in ~/.sregistry; requests must be signed."),
        RegistryDoor.Oci => challenge.Unauthorized(context, OciScope(context), Message + " Log in (oras login, skopeo login) with a user name and password or API token."),
        _ => Results.Redirect("/auth/sign-in?ReturnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)),
    };

    // The scope the door itself would challenge with, taken from the request path alone, so clients
    // that sign in ask for a token that works.
    private static string? OciScope(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/v2/", StringComparison.Ordinal))
            return null;
        var route = OciRoute.Parse(path["/v2/".Length..]);
        if (route.Name.Length == 0)
            return null;
        var method = context.Request.Method;
        var action = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? TokenScopes.Pull
            : HttpMethods.IsDelete(method) && route.Kind is not OciRouteKind.Upload ? "pull,delete" : "pull,push";
        return $"repository:{route.Name}:{action}";
    }
}
