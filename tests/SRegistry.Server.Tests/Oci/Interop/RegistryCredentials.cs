namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>What an OCI client logs in with: a user name and a password or API token.</summary>
public sealed record RegistryCredentials(string Username, string Secret)
{
    /// <summary>skopeo's <c>USERNAME:PASSWORD</c> form.</summary>
    public string ToSkopeo() => $"{Username}:{Secret}";

    // Records print their members; a failing assertion must not show a secret.
    public override string ToString() => Username;
}
