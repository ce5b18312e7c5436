namespace SRegistry.Bench;

/// <summary>Something that stops the benchmark: a tool missing or failing, a digest mismatch, the server dying.</summary>
internal sealed class BenchFailure(string message) : Exception(message);
