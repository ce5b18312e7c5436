using Microsoft.Extensions.Logging;

namespace SRegistry.PluginHost.Tests;

/// <summary>Keeps every log entry with its level and template values.</summary>
public sealed class RecordingLogger : ILogger
{
    public List<(LogLevel Level, IReadOnlyDictionary<string, object?> Values)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        Entries.Add((logLevel, values.ToDictionary(pair => pair.Key, pair => pair.Value)));
    }
}
