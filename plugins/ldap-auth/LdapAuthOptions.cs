using System.ComponentModel.DataAnnotations;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>Settings of the ldap-auth plugin, bound from <c>Plugins:ldap-auth</c> and validated at start.</summary>
public sealed class LdapAuthOptions
{
    /// <summary>The directory server, for example <c>ldaps://ldap.example.org</c>.</summary>
    [Required(ErrorMessage = "Set Plugins:ldap-auth:Url to the directory server, for example ldaps://ldap.example.org.")]
    public string Url { get; set; } = "";

    /// <summary>Where users are searched, for example <c>ou=people,dc=example,dc=org</c>.</summary>
    [Required(ErrorMessage = "Set Plugins:ldap-auth:BaseDn to the distinguished name under which users are searched, for example ou=people,dc=example,dc=org.")]
    public string BaseDn { get; set; } = "";
}
