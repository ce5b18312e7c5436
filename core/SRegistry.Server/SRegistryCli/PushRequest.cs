namespace SRegistry.Server.SRegistryCli;

/// <summary>The body of <c>POST /api/upload/chunked_upload</c>, as sregistry-cli sends it.</summary>
public sealed class PushRequest
{
    public string? Collection { get; set; }
    public string? Name { get; set; }
    public string? Tag { get; set; }
}
