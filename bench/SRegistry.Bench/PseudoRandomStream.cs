using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace SRegistry.Bench;

/// <summary>
/// A deterministic, seekable, read-only stream of pseudo-random bytes that generates what is read
/// and holds nothing: byte <c>p</c> is always the same for a given seed, however it is read.
/// </summary>
internal sealed class PseudoRandomStream(long length, ulong seed = 1) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Clamp(length - _position, 0, buffer.Length);
        var output = buffer[..count];
        var position = _position;
        var i = 0;
        for (; i < count && (position + i) % 8 != 0; i++) output[i] = ByteAt(position + i);
        var words = MemoryMarshal.Cast<byte, ulong>(output[i..(i + (count - i) / 8 * 8)]);
        var firstWord = (ulong)(position + i) / 8;
        for (var w = 0; w < words.Length; w++) words[w] = LittleEndian(Word(firstWord + (ulong)w));
        for (i += words.Length * 8; i < count; i++) output[i] = ByteAt(position + i);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    private byte ByteAt(long position) => (byte)(Word((ulong)position / 8) >> (int)(position % 8 * 8));

    // splitmix64 of the word index: fast, and any position can be computed on its own.
    private ulong Word(ulong index)
    {
        var z = seed * 0xD1B54A32D192ED03UL + (index + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong LittleEndian(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
