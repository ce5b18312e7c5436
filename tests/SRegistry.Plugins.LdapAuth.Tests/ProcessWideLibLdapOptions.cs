namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>
/// libldap's timeouts are process-wide, and the last authenticator created sets them. Tests that set
/// short ones, or that hold answers back on purpose, run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessWideLibLdapOptions
{
    public const string Name = "libldap process-wide options";
}
