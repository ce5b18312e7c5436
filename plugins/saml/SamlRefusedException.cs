namespace SRegistry.Plugins.Saml;

/// <summary>
/// Something from outside (a response, metadata) that the plugin will not trust. Thrown deep in the
/// checks and caught in one place, which logs <see cref="Detail"/> and shows the person <see cref="Exception.Message"/>.
/// </summary>
public sealed class SamlRefusedException(string message, string detail) : Exception(message)
{
    /// <summary>The precise reason, for the log (may name ids and values a person need not see).</summary>
    public string Detail { get; } = detail;
}
