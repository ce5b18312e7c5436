using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SRegistry.Plugins.LdapAuth.Tests.Slapd;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;
using SRegistry.Server.Tests.SRegistryCli;

namespace SRegistry.Server.Tests.Ldap;

/// <summary>LDAP passwords at the server's doors, through the published plugin and a real slapd.</summary>
public sealed class LdapSignInTests(LdapServerFixture registry) : IClassFixture<LdapServerFixture>
{
    [Fact]
    public async Task ApiTokenAuth_WithLdapPassword_GivesATokenThatSigns()
    {
        var file = await SifFiles.CreateAsync(registry.Files);

        var (status, body) = await ApiTokenAuthAsync("alice", SlapdDirectory.AlicePassword);

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var token = body.GetProperty("token").GetString()!;
        Assert.StartsWith("sregcli_", token);
        var push = await new SRegistryCliClient(registry.Server.Client, registry.Server.BaseAddress, "alice", token)
            .PushAsync(file, LibraryServerFixture.UniqueName("col"), "app", "v1");
        Assert.Equal(HttpStatusCode.OK, push.Status);
    }

    [Fact]
    public async Task OciTokenEndpoint_AndWebSignIn_TakeLdapPasswords()
    {
        using var basic = new HttpRequestMessage(HttpMethod.Get, "/v2/token?service=sregistry&scope=repository:alice/tools/app:pull,push");
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"alice:{SlapdDirectory.AlicePassword}")));
        using var granted = await registry.Server.Client.SendAsync(basic);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/v2/token?service=sregistry&scope=repository:alice/tools/app:pull,push");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("alice:wrong-password"u8.ToArray()));
        using var refused = await registry.Server.Client.SendAsync(wrong);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = registry.Server.BaseAddress };
        await Web.WebForms.SignInAsync(browser, "alice", SlapdDirectory.AlicePassword);
        using var tokensPage = await browser.GetAsync("/auth/tokens");

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await granted.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokensPage.StatusCode);
    }

    [Theory]
    [InlineData("alice", "wrong-password")]
    [InlineData("nobody", SlapdDirectory.AlicePassword)]
    [InlineData("*", SlapdDirectory.AlicePassword)]
    [InlineData("alice)(|(uid=*", SlapdDirectory.AlicePassword)]
    [InlineData("alice", "")]
    [InlineData("carol", SlapdDirectory.CarolPassword)]
    public async Task ApiTokenAuth_BadCredentials_AreRefusedAsInvalid(string userName, string password)
    {
        var (status, body) = await ApiTokenAuthAsync(userName, password);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Unable to log in", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task DirectoryGroups_MakeAliceAdminAndAMemberOfTheMappedTeam()
    {
        await ApiTokenAuthAsync("alice", SlapdDirectory.AlicePassword);
        var token = await AdminCli.OkAsync(registry.DataDirectory, null, "token", "create", "alice", "--name", LibraryServerFixture.UniqueName("t"));

        var me = await GetAsync("/api/v1/me", token);
        var team = await GetAsync("/api/v1/teams/devs", token);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.True(me.Body.GetProperty("admin").GetBoolean());
        Assert.Equal("alice@example.org", me.Body.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, team.Status);
        Assert.Contains("alice", team.Body.ToString());
    }

    [Fact]
    public async Task DisabledInTheDirectory_ExistingTokensStopWorking()
    {
        // dave exists only for this test, so disabling him disturbs no other.
        await registry.Slapd.ModifyAsync($"""
            dn: {SlapdDirectory.UserDn("dave")}
            changetype: add
            objectClass: inetOrgPerson
            uid: dave
            cn: Dave
            sn: Dave
            userPassword: dave-password

            """);
        var (signIn, cli) = await ApiTokenAuthAsync("dave", "dave-password");
        Assert.True(signIn == HttpStatusCode.OK, cli.ToString());
        var token = await AdminCli.OkAsync(registry.DataDirectory, null, "token", "create", "dave", "--name", "laptop");
        var client = new SRegistryCliClient(registry.Server.Client, registry.Server.BaseAddress, "dave", cli.GetProperty("token").GetString());
        var collection = LibraryServerFixture.UniqueName("col");
        var before = await GetAsync("/api/v1/me", token);
        var signedBefore = await client.RequestPushAsync(collection, "app", "v1");

        await registry.Slapd.ModifyAsync($"dn: {SlapdDirectory.UserDn("dave")}\nchangetype: modify\nadd: description\ndescription: disabled\n");
        // The signed sregistry-cli request comes first, so its own re-check is what refuses it.
        var signedAfter = await client.RequestPushAsync(collection, "app", "v1");
        var after = await GetAsync("/api/v1/me", token);
        var (signInAgain, _) = await ApiTokenAuthAsync("dave", "dave-password");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, signedBefore.Status);
        Assert.Equal(HttpStatusCode.Forbidden, signedAfter.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(HttpStatusCode.BadRequest, signInAgain);
        Assert.Contains("disabled", (await AdminCli.OkAsync(registry.DataDirectory, null, "user", "list")).Split('\n').Single(l => l.StartsWith("dave")));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ApiTokenAuthAsync(string userName, string password)
    {
        using var response = await registry.Server.Client.PostAsync("/api/api-token-auth/",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = userName, ["password"] = password }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await registry.Server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
