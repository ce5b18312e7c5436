using Microsoft.AspNetCore.Routing.Patterns;

namespace SRegistry.Server.Tests.Privacy;

/// <summary>
/// Turns a route into concrete paths: once with names that exist in <see cref="PrivateModeFixture"/>
/// and once with missing names of the same length. Secrets and tickets are random in both (they are
/// capabilities: the sweep does not hold them). The OCI catch-all gets every kind of distribution path.
/// </summary>
public sealed class RouteSubstitution(PrivateModeFixture registry)
{
    private readonly List<string> _secrets = [];

    /// <summary>Pairs of (existing, missing) paths for the route.</summary>
    public IEnumerable<(string Existing, string Missing)> Paths(RoutePattern pattern)
    {
        var raw = "/" + pattern.RawText!.TrimStart('/');
        if (raw == "/v2/{**path}")
        {
            foreach (var suffix in (string[])["manifests/latest", "tags/list", $"blobs/sha256:{registry.Digest}", "blobs/uploads/", $"blobs/uploads/{Guid.NewGuid():N}", $"referrers/sha256:{registry.Digest}"])
                yield return ($"/v2/{registry.Alice}/{registry.Collection}/{registry.Container}/{suffix}", $"/v2/{Twin(registry.Alice)}/{Twin(registry.Collection)}/{Twin(registry.Container)}/{suffix}");
            yield return ("/v2/_catalog", "/v2/_catalog");
            yield break;
        }

        yield return (Fill(pattern, raw, existing: true), Fill(pattern, raw, existing: false));
    }

    /// <summary>Every value substituted, existing and missing, to take out of answers that echo the request.</summary>
    public IEnumerable<string> Values()
    {
        foreach (var secret in _secrets)
            yield return secret;

        foreach (var value in (string[])[registry.Alice, registry.Collection, registry.Container, registry.CliCollection, registry.Team, registry.Robot])
        {
            yield return value;
            yield return Twin(value);
        }

        foreach (var id in (string[])[registry.ImageId, registry.ContainerId, registry.ShareLinkId])
        {
            yield return id;
            yield return MissingId(id);
        }
    }

    private string Fill(RoutePattern pattern, string raw, bool existing)
    {
        var path = raw;
        foreach (var parameter in pattern.Parameters)
        {
            var value = Value(raw, parameter.Name, existing);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{\\**" + parameter.Name + "(:[^}]*)?\\}", value);
        }

        return path;
    }

    private string Value(string route, string parameter, bool existing)
    {
        string Pick(string value) => existing ? value : Twin(value);
        string PickId(string value) => existing ? value : MissingId(value);
        var c = registry;
        return parameter switch
        {
            "entity" or "user" => Pick(c.Alice),
            "collection" => Pick(route.StartsWith("/api/container/search", StringComparison.Ordinal) ? c.CliCollection : c.Collection),
            "container" => Pick(c.Container),
            "team" => Pick(c.Team),
            "tag" => existing ? "latest" : "lateso",
            "kind" => "users",
            "key" or "value" => existing ? "k" : "k",
            "id" when route.StartsWith("/v1/tags", StringComparison.Ordinal) => PickId(c.ContainerId),
            "id" => PickId(c.ImageId),
            "containerId" => PickId(c.ContainerId),
            "linkId" => PickId(c.ShareLinkId),
            "secret" or "ticket" => Secret(),
            "fileName" => "image.sif",
            "name" when route.StartsWith("/api/collection/", StringComparison.Ordinal) => Pick(c.CliCollection),
            "name" when route.Contains("/members/", StringComparison.Ordinal) => Pick(c.Alice),
            "name" when route.Contains("/robots/", StringComparison.Ordinal) => Pick(c.Robot),
            "name" when route.StartsWith("/v1/entities", StringComparison.Ordinal) => Pick(c.Alice),
            "name" => Pick(c.Container),
            "ref" when route.StartsWith("/v1/collections", StringComparison.Ordinal) => $"{Pick(c.Alice)}/{Pick(c.Collection)}",
            "ref" when route.StartsWith("/v1/containers", StringComparison.Ordinal) => $"{Pick(c.Alice)}/{Pick(c.Collection)}/{Pick(c.Container)}",
            "ref" => $"{Pick(c.Alice)}/{Pick(c.Collection)}/{Pick(c.Container)}:latest",
            "path" => $"{Pick(c.CliCollection)}/{Pick(c.Container)}:latest",
            _ => throw new InvalidOperationException($"The sweep does not know the route parameter '{parameter}' of {route}: add it to RouteSubstitution."),
        };
    }

    private string Secret()
    {
        var secret = "sreg_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..11];
        _secrets.Add(secret);
        return secret;
    }

    /// <summary>The missing twin of a name: same length, same shape, certainly absent.</summary>
    public static string Twin(string name) => name[0] + new string(name[1..].Select(ch => char.IsDigit(ch) ? 'z' : 'y').ToArray());

    // Longer than any id the fixture makes (a handful of rows), so certainly absent.
    private static string MissingId(string id) => new('9', id.Length + 3);
}
