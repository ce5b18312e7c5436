namespace SRegistry.Plugins.LdapAuth.Tests.Slapd;

/// <summary>What the test directory holds: its names, people and groups.</summary>
public static class SlapdDirectory
{
    public const string Suffix = "dc=example,dc=org";
    public const string People = "ou=people,dc=example,dc=org";
    public const string Groups = "ou=groups,dc=example,dc=org";
    public const string RootDn = "cn=admin,dc=example,dc=org";
    public const string RootPassword = "root-secret";
    public const string ServiceDn = "cn=registry,dc=example,dc=org";
    public const string ServicePassword = "service-secret";

    /// <summary>Where "enabled" is expressed: an entry with <c>description: disabled</c> may not sign in.</summary>
    public const string UserFilter = "(&(objectClass=inetOrgPerson)(uid={0})(!(description=disabled)))";

    public const string AlicePassword = "alice-password";
    public const string BobPassword = "bob-password";
    public const string CarolPassword = "carol-password";

    public static string UserDn(string uid) => $"uid={uid},{People}";

    public static string GroupDn(string cn) => $"cn={cn},{Groups}";

    /// <summary>
    /// alice (registry-admins, developers), bob (developers), carol (disabled); the groups list their
    /// members, and the memberof overlay gives each person the matching memberOf values.
    /// </summary>
    public const string Ldif = $"""
        dn: {Suffix}
        objectClass: dcObject
        objectClass: organization
        o: Example
        dc: example

        dn: {ServiceDn}
        objectClass: simpleSecurityObject
        objectClass: organizationalRole
        cn: registry
        userPassword: {ServicePassword}

        dn: {People}
        objectClass: organizationalUnit
        ou: people

        dn: {Groups}
        objectClass: organizationalUnit
        ou: groups

        dn: uid=alice,{People}
        objectClass: inetOrgPerson
        uid: alice
        cn: Alice Liddell
        sn: Liddell
        mail: alice@example.org
        userPassword: {AlicePassword}

        dn: uid=bob,{People}
        objectClass: inetOrgPerson
        uid: bob
        cn: Bob Builder
        sn: Builder
        mail: bob@example.org
        userPassword: {BobPassword}

        dn: uid=carol,{People}
        objectClass: inetOrgPerson
        uid: carol
        cn: Carol Disabled
        sn: Disabled
        description: disabled
        userPassword: {CarolPassword}

        dn: cn=registry-admins,{Groups}
        objectClass: groupOfNames
        cn: registry-admins
        member: uid=alice,{People}

        dn: cn=developers,{Groups}
        objectClass: groupOfNames
        cn: developers
        member: uid=alice,{People}
        member: uid=bob,{People}

        """;
}
