using SRegistry.Core.Accounts;
using SRegistry.Core.Domain;
using SRegistry.Core.Oci;

namespace SRegistry.Server.Oci;

/// <summary>
/// Decides, per request, whether the caller may take an action on a repository, and answers the way
/// clients expect: 401 with a challenge when credentials are missing, bad, or a token lacks the action
/// (the client then fetches a better token); 404 NAME_UNKNOWN for a repository the signed-in caller may
/// not see (the same as a missing one, so nothing leaks); 403 DENIED for one it sees but may not change.
/// </summary>
public sealed class OciGate(OciCredentials credentials, OciRepositories repositories, OciChallenge challenge)
{
    /// <summary>The container for <paramref name="action"/> (<c>pull</c>, <c>push</c>, <c>delete</c>), or the refusal to send.</summary>
    /// <remarks>A push to a repository that does not exist creates it, as the library door's clients do.</remarks>
    public async Task<(Container? Container, OciIdentity Identity, IResult? Refusal)> OpenAsync(
        HttpContext context, string nameText, string action, CancellationToken cancellationToken)
    {
        var identity = await credentials.IdentifyAsync(context.Request, cancellationToken);
        if (!RepositoryName.TryParse(nameText, out var name, out var error))
            return (null, identity, OciResults.Error(StatusCodes.Status400BadRequest, "NAME_INVALID", error));

        var scope = $"repository:{nameText}:{(action == TokenScopes.Pull ? "pull" : "pull," + action)}";
        if (identity.Failed)
            return Refuse(challenge.Unauthorized(context, scope, "The credentials or token are not valid (unknown, expired or revoked); sign in again."));
        if (identity.IsAnonymous && action != TokenScopes.Pull)
            return Refuse(challenge.Unauthorized(context, scope, $"Authentication is required to {action} '{nameText}'."));

        // A token that lacks the action needs a new token, unless the caller may not take it anyway.
        var canonical = name.ToString();
        if (identity.Access is { } access && !access.Allows(canonical, action)
            && (identity.Caller.IsAnonymous || (await repositories.AllowedActionsAsync(name, identity.Caller, cancellationToken)).Contains(action)))
            return Refuse(challenge.Unauthorized(context, scope, $"The token does not allow {action} on '{nameText}'; ask /v2/token for that scope.", insufficientScope: true));

        if (action == TokenScopes.Push)
        {
            var target = await repositories.FindOrCreateForPushAsync(name, identity.Caller, cancellationToken);
            return target.Succeeded ? (target.Value, identity, null) : Refuse(OciResults.Failure(target.Error, target.Message));
        }

        var container = await repositories.FindAsync(name, identity.Caller, cancellationToken);
        if (container is null)
            return identity.Caller.IsAnonymous
                ? Refuse(challenge.Unauthorized(context, scope, $"Authentication is required for '{nameText}'."))
                : Refuse(OciResults.Error(StatusCodes.Status404NotFound, "NAME_UNKNOWN", $"There is no repository '{nameText}'."));
        if (action == TokenScopes.Delete && (!await repositories.MayDeleteAsync(container, identity.Caller, cancellationToken) || container.IsFrozen))
            return Refuse(OciResults.Error(StatusCodes.Status403Forbidden, "DENIED",
                container.IsFrozen ? $"The repository '{nameText}' is frozen (read-only)." : $"You may not delete from '{nameText}': only the owners of its collection or entity and administrators may."));
        return (container, identity, null);

        (Container?, OciIdentity, IResult?) Refuse(IResult refusal) => (null, identity, refusal);
    }
}
