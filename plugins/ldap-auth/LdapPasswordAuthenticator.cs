using System.DirectoryServices.Protocols;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Authentication;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>
/// Password sign-in against LDAP or Active Directory: search-then-bind with a service account, or a
/// direct bind by DN template. Also tells the core whether a provisioned account is still enabled
/// (the user filter, where "enabled" is expressed, still finds it). Passwords are never logged.
/// </summary>
public sealed class LdapPasswordAuthenticator(LdapConnector connector, IOptions<LdapAuthOptions> options, ILogger<LdapPasswordAuthenticator> logger)
    : IPasswordAuthenticator, IExternalAccountStatus
{
    private const int InvalidCredentials = 49;
    private const string ActiveDirectoryGuid = "objectGUID";
    private readonly LdapAuthOptions settings = options.Value;

    /// <inheritdoc />
    public string Name => "ldap";

    /// <inheritdoc />
    public Task<ExternalIdentity?> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken) =>
        // An empty password would make the bind "unauthenticated", which the server answers with success.
        string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)
            ? Task.FromResult<ExternalIdentity?>(null)
            : WithinDeadlineAsync(() => Authenticate(userName, password), cancellationToken);

    /// <inheritdoc />
    public async Task<bool?> IsActiveAsync(string subject, CancellationToken cancellationToken)
    {
        if (settings.BindDn.Length == 0)
            return null;
        try
        {
            return await WithinDeadlineAsync<bool?>(() => IsActive(subject), cancellationToken);
        }
        catch (Exception e) when (e is LdapException or DirectoryOperationException or TimeoutException)
        {
            logger.LogWarning(e, "Could not ask {Url} whether {Subject} is still enabled", settings.Url, subject);
            return null;
        }
    }

    private ExternalIdentity? Authenticate(string userName, string password)
    {
        using var connection = connector.Open();
        var filter = LdapFilter.Format(settings.UserFilter, userName);
        SearchResultEntry? entry;
        if (settings.UserDnTemplate.Length > 0)
        {
            var dn = LdapDistinguishedName.Format(settings.UserDnTemplate, userName);
            // Read as the user, base scope: the filter still has to match, so a disabled entry is refused.
            entry = TryBind(connection, dn, password) ? LdapEntries.FindOne(connection, dn, SearchScope.Base, filter, Attributes) : null;
        }
        else
        {
            connection.Bind(new NetworkCredential(settings.BindDn, settings.BindPassword));
            entry = LdapEntries.FindOne(connection, settings.BaseDn, SearchScope.Subtree, filter, Attributes);
            if (entry is null || !TryBind(connection, entry.DistinguishedName, password))
                entry = null;
        }

        if (entry is null)
        {
            logger.LogInformation("LDAP sign-in refused for {UserName}: unknown, disabled or wrong password", userName);
            return null;
        }

        var subject = Subject(entry) ?? throw new InvalidOperationException(
            $"The entry {entry.DistinguishedName} has no {settings.SubjectAttribute}; set Plugins:ldap-auth:SubjectAttribute to an attribute every user has.");
        return new ExternalIdentity(
            Name,
            subject,
            LdapEntries.First(entry, settings.UserNameAttribute) ?? userName,
            LdapEntries.First(entry, settings.EmailAttribute),
            LdapEntries.First(entry, settings.DisplayNameAttribute),
            Groups(connection, entry));
    }

    private bool? IsActive(string subject)
    {
        using var connection = connector.Open();
        connection.Bind(new NetworkCredential(settings.BindDn, settings.BindPassword));
        var anyUser = settings.UserFilter.Replace("{0}", "*", StringComparison.Ordinal);
        var value = settings.SubjectAttribute.Equals(ActiveDirectoryGuid, StringComparison.OrdinalIgnoreCase) && Guid.TryParse(subject, out var guid)
            ? LdapFilter.EscapeBytes(guid.ToByteArray())
            : LdapFilter.Escape(subject);
        var filter = $"(&{anyUser}({settings.SubjectAttribute}={value}))";
        return LdapEntries.FindOne(connection, settings.BaseDn, SearchScope.Subtree, filter, ["1.1"]) is not null;
    }

    // A wrong password is an answer; anything else (server gone, TLS refused) is the directory failing.
    private static bool TryBind(LdapConnection connection, string dn, string password)
    {
        try
        {
            connection.Bind(new NetworkCredential(dn, password));
            return true;
        }
        catch (LdapException e) when (e.ErrorCode == InvalidCredentials)
        {
            return false;
        }
    }

    private string? Subject(SearchResultEntry entry) =>
        settings.SubjectAttribute.Equals(ActiveDirectoryGuid, StringComparison.OrdinalIgnoreCase)
            ? LdapEntries.FirstBytes(entry, settings.SubjectAttribute) is { Length: 16 } bytes ? new Guid(bytes).ToString() : null
            : LdapEntries.First(entry, settings.SubjectAttribute);

    private List<string> Groups(LdapConnection connection, SearchResultEntry entry)
    {
        var groups = LdapEntries.Strings(entry, settings.GroupMembershipAttribute).Select(LdapDistinguishedName.FirstValue).ToList();
        if (settings.GroupSearchBase.Length > 0)
        {
            var filter = LdapFilter.Format(settings.GroupFilter, entry.DistinguishedName);
            groups.AddRange(LdapEntries.FindAll(connection, settings.GroupSearchBase, filter, [settings.GroupNameAttribute])
                .SelectMany(g => LdapEntries.Strings(g, settings.GroupNameAttribute)));
        }

        return groups.Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private string[] Attributes =>
        new[] { settings.UserNameAttribute, settings.EmailAttribute, settings.DisplayNameAttribute, settings.SubjectAttribute, settings.GroupMembershipAttribute }
            .Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    // libldap calls block; the deadline bounds the wait even where its own timeouts do not apply
    // (a connect to a host that drops packets). A sign-in makes up to four round trips.
    private async Task<T> WithinDeadlineAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var deadline = settings.ConnectTimeout + 4 * settings.OperationTimeout;
        try
        {
            return await Task.Run(work, cancellationToken).WaitAsync(deadline, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The directory {settings.Url} did not answer within {deadline}.");
        }
    }
}
