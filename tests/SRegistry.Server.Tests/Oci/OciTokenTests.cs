using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SRegistry.Server.Tests.Oci;

/// <summary>The token dance as registry clients do it: probe, challenge, <c>/v2/token</c>, retry with the token.</summary>
public sealed class OciTokenTests(OciServerFixture oci) : IClassFixture<OciServerFixture>
{
    private static string Repository(string owner = "alice") => $"{owner}/{OciServerFixture.UniqueName("tokens")}/app";

    [Fact]
    public async Task Base_WithoutCredentials_ChallengesWithTheTokenRealmOnTheSameHost()
    {
        var probe = await oci.Anonymous.GetAsync("/v2/");
        var headProbe = await oci.Anonymous.HeadAsync("/v2/");

        probe.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal($"Bearer realm=\"{Origin()}/v2/token\",service=\"sregistry\"", probe.Header("WWW-Authenticate"));
        Assert.Equal("registry/2.0", probe.Header("Docker-Distribution-API-Version"));
        Assert.Equal(HttpStatusCode.Unauthorized, headProbe.Status);
        Assert.Equal(probe.Header("WWW-Authenticate"), headProbe.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Base_WithApiTokenOrIssuedToken_IsOk()
    {
        var token = await oci.Anonymous.TokenAsync("alice", OciServerFixture.AlicePassword);

        var withApiToken = (await oci.Alice.GetAsync("/v2/")).Is(HttpStatusCode.OK);
        var withIssued = (await oci.Anonymous.As(token).GetAsync("/v2/")).Is(HttpStatusCode.OK);

        Assert.Equal("{}", withApiToken.Text);
        Assert.Equal("registry/2.0", withApiToken.Header("Docker-Distribution-API-Version"));
        Assert.Equal("{}", withIssued.Text);
    }

    [Fact]
    public async Task Base_WithBadToken_IsUnauthorized()
    {
        (await oci.Anonymous.As("not-a-token").GetAsync("/v2/")).IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        (await oci.Anonymous.As("sreg_" + new string('x', 43)).GetAsync("/v2/")).IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task AnonymousPush_IsChallengedWithThePushScope_AndTheChallengedTokenPushes()
    {
        var name = Repository();

        var refused = await oci.Anonymous.SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/");
        var challenge = refused.Header("WWW-Authenticate")!;
        var scope = challenge[(challenge.IndexOf("scope=\"", StringComparison.Ordinal) + 7)..^1];
        var token = await oci.Anonymous.TokenAsync("alice", OciServerFixture.AlicePassword, scope);
        var pushed = await oci.Anonymous.As(token).PostBlobAsync(name, [1, 2, 3]);

        refused.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Equal($"Bearer realm=\"{Origin()}/v2/token\",service=\"sregistry\",scope=\"repository:{name}:pull,push\"", challenge);
        pushed.Is(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Token_GetWithPassword_AnswersBothTokenFieldsAndLifetime()
    {
        var name = Repository();

        var response = (await oci.Anonymous.RequestTokenAsync("alice", OciServerFixture.AlicePassword, $"repository:{name}:push,pull")).Is(HttpStatusCode.OK);

        var body = response.Json();
        Assert.Equal(body.GetProperty("token").GetString(), body.GetProperty("access_token").GetString());
        Assert.Equal(300, body.GetProperty("expires_in").GetInt32());
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("issued_at").GetString(), out _));
    }

    [Fact]
    public async Task Token_GetWithApiTokenAsPassword_GrantsPush()
    {
        var name = Repository();

        var token = await oci.Anonymous.TokenAsync("alice", oci.AliceToken, $"repository:{name}:pull,push");

        (await oci.Anonymous.As(token).PostBlobAsync(name, [4, 5])).Is(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Token_WrongPassword_IsUnauthorized()
    {
        var response = await oci.Anonymous.RequestTokenAsync("alice", "not her password", "repository:alice/x/y:pull");

        response.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Token_ApiTokenOfAnotherUser_IsUnauthorized()
    {
        var response = await oci.Anonymous.RequestTokenAsync("alice", oci.BobToken, "repository:alice/x/y:pull");

        response.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Token_PostPasswordForm_ThenRefreshToken_BothIssueWorkingTokens()
    {
        var name = Repository();
        var scope = $"repository:{name}:pull,push";

        var password = (await PostFormAsync(new() { ["grant_type"] = "password", ["username"] = "alice", ["password"] = OciServerFixture.AlicePassword, ["scope"] = scope, ["service"] = "sregistry", ["client_id"] = "test" })).Is(HttpStatusCode.OK);
        var refreshToken = password.Json().GetProperty("refresh_token").GetString()!;
        var refreshed = (await PostFormAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["scope"] = scope, ["service"] = "sregistry" })).Is(HttpStatusCode.OK);
        var wrong = await PostFormAsync(new() { ["grant_type"] = "password", ["username"] = "alice", ["password"] = "wrong", ["scope"] = scope });

        (await oci.Anonymous.As(password.Json().GetProperty("access_token").GetString()).PostBlobAsync(name, [1])).Is(HttpStatusCode.Created);
        (await oci.Anonymous.As(refreshed.Json().GetProperty("token").GetString()).PostBlobAsync(name, [2])).Is(HttpStatusCode.Created);
        wrong.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Token_Anonymous_GrantsPullOfPublicRepositoriesOnly()
    {
        var name = Repository();
        await oci.Alice.PushImageAsync(name, "v1");

        var token = await oci.Anonymous.TokenAsync(null, null, $"repository:{name}:pull,push");
        var pull = await oci.Anonymous.As(token).GetAsync($"/v2/{name}/manifests/v1");
        var push = await oci.Anonymous.As(token).SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/");

        pull.Is(HttpStatusCode.OK);
        push.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains($"scope=\"repository:{name}:pull,push\"", push.Header("WWW-Authenticate"));
        Assert.Contains("error=\"insufficient_scope\"", push.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task Token_ScopeIntersection_BobMayPullButNotPushAlicesRepository()
    {
        var name = Repository();
        await oci.Alice.PushImageAsync(name, "v1");
        var token = await oci.Anonymous.TokenAsync("bob", OciServerFixture.BobPassword, $"repository:{name}:push", $"repository:{name}:pull");

        var pull = await oci.Anonymous.As(token).GetAsync($"/v2/{name}/manifests/v1");
        var push = await oci.Anonymous.As(token).SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/");

        pull.Is(HttpStatusCode.OK);
        push.IsError(HttpStatusCode.Forbidden, "DENIED");
    }

    [Fact]
    public async Task Token_ForPullOnly_IsChallengedWhenPushing()
    {
        var name = Repository();
        await oci.Alice.PushImageAsync(name, "v1");
        var token = await oci.Anonymous.TokenAsync("alice", OciServerFixture.AlicePassword, $"repository:{name}:pull");

        var push = await oci.Anonymous.As(token).SendAsync(HttpMethod.Post, $"/v2/{name}/blobs/uploads/");

        push.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Token_ForOneRepository_DoesNotOpenAnother()
    {
        var granted = Repository();
        var other = Repository();
        await oci.Alice.PushImageAsync(other, "v1");
        var token = await oci.Anonymous.TokenAsync("alice", OciServerFixture.AlicePassword, $"repository:{granted}:pull,push");

        var push = await oci.Anonymous.As(token).SendAsync(HttpMethod.Post, $"/v2/{other}/blobs/uploads/");

        push.IsError(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Token_ForPrivateRepositoryOfAnother_GrantsNothing_AndPullIsNameUnknown()
    {
        var name = $"alice/{OciServerFixture.UniqueName("private")}/app";
        await OciPrivacy.CreatePrivateCollectionAsync(oci, name);
        await oci.Alice.PushImageAsync(name, "v1");

        var token = await oci.Anonymous.TokenAsync("bob", OciServerFixture.BobPassword, $"repository:{name}:pull");
        var pull = await oci.Anonymous.As(token).GetAsync($"/v2/{name}/manifests/v1");

        pull.IsError(HttpStatusCode.NotFound, "NAME_UNKNOWN");
    }

    private async Task<OciResponse> PostFormAsync(Dictionary<string, string> form) =>
        await oci.Anonymous.SendAsync(HttpMethod.Post, "/v2/token", new FormUrlEncodedContent(form));

    private string Origin() => oci.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
}
