namespace SRegistry.Plugins.GoogleBuild.Tests.Fakes;

/// <summary>One request a fake received, as sent on the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The raw request target: path (still percent-encoded) and query.</param>
/// <param name="Authorization">The Authorization header, or empty.</param>
/// <param name="Headers">Every header, names lower-cased.</param>
/// <param name="Body">The body when it is small text (JSON, forms); empty for media.</param>
public sealed record RecordedRequest(string Method, string Target, string Authorization, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The target without its query.</summary>
    public string Path => Target.Split('?')[0];

    /// <summary>The raw query without its '?', or empty.</summary>
    public string Query => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : "";
}
