namespace SRegistry.Plugins.LdapAuth.Tests;

public sealed class LdapEscapingTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("*", @"\2a")]
    [InlineData("*)(uid=*", @"\2a\29\28uid=\2a")]
    [InlineData(@"a\2a", @"a\5c2a")]
    [InlineData("a\0b", @"a\00b")]
    [InlineData("Jöhn", "Jöhn")]
    public void Filter_Escape_EscapesTheRfc4515Specials(string value, string expected) =>
        Assert.Equal(expected, LdapFilter.Escape(value));

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("a,ou=admins", @"a\,ou\=admins")]
    [InlineData("a+cn=x", @"a\+cn\=x")]
    [InlineData(" a ", @"\ a\ ")]
    [InlineData("#a", @"\#a")]
    [InlineData("a\"<>;\\", "a\\\"\\<\\>\\;\\\\")]
    [InlineData("a\0", @"a\00")]
    public void DistinguishedName_EscapeValue_EscapesTheRfc4514Specials(string value, string expected) =>
        Assert.Equal(expected, LdapDistinguishedName.EscapeValue(value));

    [Theory]
    [InlineData("cn=registry-admins,ou=groups,dc=example,dc=org", "registry-admins")]
    [InlineData(@"CN=Smith\, John,OU=x", "Smith, John")]
    [InlineData(@"cn=a\2cb,dc=x", "a,b")]
    [InlineData("cn=solo", "solo")]
    public void DistinguishedName_FirstValue_IsTheUnescapedFirstRdnValue(string dn, string expected) =>
        Assert.Equal(expected, LdapDistinguishedName.FirstValue(dn));
}
