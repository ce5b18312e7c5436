namespace SRegistry.Core.Tests.Sif;

/// <summary>Bytes readable only front to back, like a request body.</summary>
public sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
