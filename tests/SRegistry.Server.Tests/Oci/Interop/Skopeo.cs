using System.ComponentModel;
using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Oci.Interop;

/// <summary>
/// Debian's skopeo 1.9: a real OCI client (containers/image, as podman and buildah use) against the
/// registry over plain HTTP. Every registry call names its credentials or <c>--no-creds</c>, so a login
/// stored on the machine never leaks in. Each method returns how skopeo ended; tests check the exit code.
/// </summary>
public static class Skopeo
{
    private const string Binary = "/usr/bin/skopeo";
    private const string InstallHint = "apt-get install skopeo, or run bash .ci/run";

    /// <summary>
    /// <c>skopeo copy</c> between <c>oci:DIR:TAG</c> and <c>docker://HOST:PORT/NAME:TAG</c> (either way), with
    /// <c>--preserve-digests</c> so skopeo fails rather than re-encode anything. Null credentials: anonymous.
    /// </summary>
    public static Task<CommandResult> CopyAsync(string source, string destination, RegistryCredentials? credentials, bool all = false)
    {
        List<string> args = ["copy", "--preserve-digests"];
        if (all) args.Add("--all");
        if (IsRegistry(source)) args.AddRange(["--src-tls-verify=false", .. CredentialArgs("--src-", credentials)]);
        if (IsRegistry(destination)) args.AddRange(["--dest-tls-verify=false", .. CredentialArgs("--dest-", credentials)]);
        return RunAsync([.. args, source, destination]);
    }

    /// <summary><c>skopeo inspect</c>; with <paramref name="raw"/> stdout is the manifest exactly as the registry served it.</summary>
    public static Task<CommandResult> InspectAsync(string reference, RegistryCredentials? credentials, bool raw = false) =>
        RunAsync(["inspect", .. raw ? new[] { "--raw" } : [], "--tls-verify=false", .. CredentialArgs("--", credentials), reference]);

    /// <summary><c>skopeo list-tags</c> of <c>docker://HOST:PORT/NAME</c>.</summary>
    public static Task<CommandResult> ListTagsAsync(string repository, RegistryCredentials? credentials) =>
        RunAsync(["list-tags", "--tls-verify=false", .. CredentialArgs("--", credentials), repository]);

    /// <summary><c>skopeo delete</c>: resolves the reference to its manifest digest and deletes that manifest.</summary>
    public static Task<CommandResult> DeleteAsync(string reference, RegistryCredentials? credentials) =>
        RunAsync(["delete", "--tls-verify=false", .. CredentialArgs("--", credentials), reference]);

    /// <summary>The tags <c>skopeo list-tags</c> printed.</summary>
    public static List<string> Tags(CommandResult listTags)
    {
        using var json = JsonDocument.Parse(listTags.StandardOutput);
        return [.. json.RootElement.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()!)];
    }

    private static bool IsRegistry(string reference) => reference.StartsWith("docker://", StringComparison.Ordinal);

    private static string[] CredentialArgs(string prefix, RegistryCredentials? credentials) =>
        credentials is null ? [prefix + "no-creds"] : [prefix + "creds", credentials.ToSkopeo()];

    private static async Task<CommandResult> RunAsync(string[] args)
    {
        try
        {
            // The trust policy is for signed production images; the tests copy their own unsigned ones, and
            // the machine's /etc/containers/policy.json may be absent.
            // A bound on a hung registry, not a speed assertion.
            return await ToolProcess.RunAsync(Binary, ["--insecure-policy", .. args], TimeSpan.FromMinutes(10));
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {Binary} ({e.Message}): {InstallHint}", e);
        }
    }
}
