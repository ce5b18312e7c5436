using System.Net;
using System.Text.Json;

namespace SRegistry.Server.Tests.SRegistryCli;

/// <summary>A response as the tests read it: status and body, with the request named for failure messages.</summary>
public sealed record CliResponse(string Request, HttpStatusCode Status, string Body)
{
    /// <summary>The body as JSON; fails the test when it is not.</summary>
    public JsonElement Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                Assert.Fail($"{this} did not answer JSON.");
                throw;
            }
        }
    }

    public override string ToString() => $"{Request} → {(int)Status}: {Body}";
}
