using System.ComponentModel.DataAnnotations;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>
/// Settings of the ldap-auth plugin, bound from <c>Plugins:ldap-auth</c> and validated at start
/// (see <see cref="LdapAuthOptionsValidator"/>). Users are found either by a search with a service
/// account (<see cref="BindDn"/>) or by a DN template (<see cref="UserDnTemplate"/>).
/// </summary>
public sealed class LdapAuthOptions
{
    /// <summary>The directory server, for example <c>ldaps://ldap.example.org</c> (or <c>ldap://…</c> with <see cref="StartTls"/>).</summary>
    [Required(ErrorMessage = "Set Plugins:ldap-auth:Url to the directory server, for example ldaps://ldap.example.org.")]
    public string Url { get; set; } = "";

    /// <summary>Where users are searched, for example <c>ou=people,dc=example,dc=org</c>.</summary>
    [Required(ErrorMessage = "Set Plugins:ldap-auth:BaseDn to the distinguished name under which users are searched, for example ou=people,dc=example,dc=org.")]
    public string BaseDn { get; set; } = "";

    /// <summary>The service account that searches users (search-then-bind) and re-checks accounts.</summary>
    public string BindDn { get; set; } = "";

    /// <summary>The service account's password.</summary>
    public string BindPassword { get; set; } = "";

    /// <summary>
    /// Direct bind instead of a search: the user's DN with <c>{0}</c> for the escaped user name, for
    /// example <c>uid={0},ou=people,dc=example,dc=org</c>. Used when set, even with a service account.
    /// </summary>
    public string UserDnTemplate { get; set; } = "";

    /// <summary>
    /// The filter that finds a user who may sign in; <c>{0}</c> is the escaped user name. Express
    /// "enabled" here, for example <c>(&amp;(objectClass=inetOrgPerson)(uid={0})(!(pwdAccountLockedTime=*)))</c>
    /// or, for Active Directory, <c>(&amp;(objectClass=user)(sAMAccountName={0})(!(userAccountControl:1.2.840.113556.1.4.803:=2)))</c>.
    /// </summary>
    public string UserFilter { get; set; } = "(&(objectClass=inetOrgPerson)(uid={0}))";

    /// <summary>The attribute holding the user name the registry account is named after.</summary>
    public string UserNameAttribute { get; set; } = "uid";

    /// <summary>The e-mail attribute.</summary>
    public string EmailAttribute { get; set; } = "mail";

    /// <summary>The display name attribute.</summary>
    public string DisplayNameAttribute { get; set; } = "cn";

    /// <summary>
    /// The attribute whose value identifies the person for good, surviving renames: <c>entryUUID</c>
    /// (OpenLDAP) or <c>objectGUID</c> (Active Directory). The account link uses it.
    /// </summary>
    public string SubjectAttribute { get; set; } = "entryUUID";

    /// <summary>The user attribute listing group DNs (<c>memberOf</c>); empty to use <see cref="GroupSearchBase"/> only.</summary>
    public string GroupMembershipAttribute { get; set; } = "memberOf";

    /// <summary>Where groups are searched, when membership is read from the groups instead; empty for none.</summary>
    public string GroupSearchBase { get; set; } = "";

    /// <summary>The filter for the groups of a user; <c>{0}</c> is the escaped user DN.</summary>
    public string GroupFilter { get; set; } = "(&(objectClass=groupOfNames)(member={0}))";

    /// <summary>The group attribute reported as the group's name (mapped by <c>Accounts:ExternalGroups</c>).</summary>
    public string GroupNameAttribute { get; set; } = "cn";

    /// <summary>Upgrades an <c>ldap://</c> connection with StartTLS before any password is sent.</summary>
    public bool StartTls { get; set; }

    /// <summary>A PEM file with the CA certificate(s) that the server's certificate must chain to; empty for the system's CAs.</summary>
    public string CaCertificateFile { get; set; } = "";

    /// <summary>
    /// Allows <c>ldap://</c> without StartTLS, which sends passwords in clear text: only for a
    /// directory on the same machine or a network that is otherwise protected.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>How long to wait for the directory to accept a connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for each bind or search.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
