using Microsoft.Extensions.Options;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>Refuses, at start, settings that could not work or would weaken security, saying what to fix.</summary>
public sealed class LdapAuthOptionsValidator : IValidateOptions<LdapAuthOptions>
{
    private const string Section = "Plugins:ldap-auth";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LdapAuthOptions options)
    {
        var errors = new List<string>();
        var url = Uri.TryCreate(options.Url, UriKind.Absolute, out var parsed) ? parsed : null;
        if (url is null || url.Scheme is not ("ldap" or "ldaps") || url.Host.Length == 0)
            errors.Add($"{Section}:Url '{options.Url}' is not an ldap:// or ldaps:// URL with a host, such as ldaps://ldap.example.org.");
        else if (url.Scheme == "ldaps" && options.StartTls)
            errors.Add($"{Section}:StartTls is for ldap:// URLs; an ldaps:// URL is encrypted from the start. Remove one of them.");
        else if (url.Scheme == "ldap" && !options.StartTls && !options.AllowPlaintext)
            errors.Add($"{Section}:Url is ldap:// without StartTls, so passwords would cross the network in clear text. " +
                       "Use ldaps://, set StartTls to true, or set AllowPlaintext to true for a directory on this machine.");

        if (options.UserDnTemplate.Length == 0 && options.BindDn.Length == 0)
            errors.Add($"Set {Section}:BindDn and BindPassword (a service account that searches users), or {Section}:UserDnTemplate " +
                       "(direct bind, for example uid={0},ou=people,dc=example,dc=org).");
        if (options.UserDnTemplate.Length > 0 && !options.UserDnTemplate.Contains("{0}", StringComparison.Ordinal))
            errors.Add($"{Section}:UserDnTemplate must contain {{0}} where the user name goes, for example uid={{0}},ou=people,dc=example,dc=org.");

        // An empty password makes a simple bind "unauthenticated", which servers accept without checking anything.
        if (options.BindDn.Length > 0 && options.BindPassword.Length == 0)
            errors.Add($"{Section}:BindPassword is empty; set the service account's password (an empty one would bind without authenticating).");

        RequireFilter(errors, "UserFilter", options.UserFilter, "(&(objectClass=inetOrgPerson)(uid={0}))");
        if (options.GroupSearchBase.Length > 0)
            RequireFilter(errors, "GroupFilter", options.GroupFilter, "(&(objectClass=groupOfNames)(member={0}))");
        foreach (var (key, value) in new[]
                 {
                     ("UserNameAttribute", options.UserNameAttribute), ("SubjectAttribute", options.SubjectAttribute),
                     ("GroupNameAttribute", options.GroupNameAttribute),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
                errors.Add($"{Section}:{key} is empty; name the directory attribute to use.");
        }

        if (options.CaCertificateFile.Length > 0 && !File.Exists(options.CaCertificateFile))
            errors.Add($"{Section}:CaCertificateFile '{options.CaCertificateFile}' does not exist; give the path of a PEM file with the CA certificate.");
        if (options.ConnectTimeout <= TimeSpan.Zero || options.OperationTimeout <= TimeSpan.Zero)
            errors.Add($"{Section}:ConnectTimeout and OperationTimeout must be positive time spans, such as 00:00:05.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireFilter(List<string> errors, string key, string filter, string example)
    {
        if (!filter.StartsWith('(') || !filter.EndsWith(')') || !filter.Contains("{0}", StringComparison.Ordinal))
            errors.Add($"{Section}:{key} '{filter}' must be a parenthesised LDAP filter with {{0}} for the value, such as {example}.");
    }
}
