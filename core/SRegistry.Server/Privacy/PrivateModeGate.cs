using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Hosting;

namespace SRegistry.Server.Privacy;

/// <summary>
/// The one place private mode is enforced: after authentication and routing, before any endpoint runs,
/// a request without credentials of a registry account (of the kind its door takes, see
/// <see cref="PrivateModeCredentials"/>) is refused in its door's format (<see cref="PrivateModeRefusals"/>),
/// unless its endpoint is marked <see cref="PublicInPrivateModeAttribute"/>. Every route, a new one or a
/// plugin's included, is therefore private unless someone marks it public; so are paths no route matches.
/// While the mode is on every response also says <c>X-Robots-Tag: noindex</c>.
/// </summary>
public sealed class PrivateModeGate(RequestDelegate next, IOptions<PrivacyOptions> options)
{
    public const string RobotsTag = "noindex, nofollow";

    public async Task InvokeAsync(HttpContext context, PrivateModeCredentials credentials, PrivateModeRefusals refusals)
    {
        if (!options.Value.PrivateMode)
        {
            await next(context);
            return;
        }

        context.Response.Headers["X-Robots-Tag"] = RobotsTag;
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<PublicInPrivateModeAttribute>() is not null)
        {
            await next(context);
            return;
        }

        var door = endpoint?.Metadata.GetMetadata<RegistryDoorMetadata>()?.Door ?? RegistryDoor.Web;
        if (await credentials.PresentAsync(context, door))
        {
            await next(context);
            return;
        }

        await refusals.For(context, door).ExecuteAsync(context);
    }
}
