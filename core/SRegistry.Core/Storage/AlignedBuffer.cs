using System.Buffers;
using System.Runtime.InteropServices;

namespace SRegistry.Core.Storage;

/// <summary>Native memory at a fixed, aligned address, as O_DIRECT writes need; freed on dispose.</summary>
internal sealed unsafe class AlignedBuffer : MemoryManager<byte>
{
    private readonly int _length;
    private void* _pointer;

    public AlignedBuffer(int length, int alignment)
    {
        _length = length;
        _pointer = NativeMemory.AlignedAlloc((nuint)length, (nuint)alignment);
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    // Native memory never moves: pinning is only a pointer.
    public override MemoryHandle Pin(int elementIndex = 0) => new((byte*)_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (_pointer is null) return;
        NativeMemory.AlignedFree(_pointer);
        _pointer = null;
    }
}
