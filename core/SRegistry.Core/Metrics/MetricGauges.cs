using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SRegistry.Core.Metrics;

/// <summary>
/// Gauges that other parts of the registry expose on <c>/metrics</c> (for example the builds queue's
/// depth): each is read when scraped, in a fresh service scope, so a callback may query the database.
/// Register at start (a singleton); a name may be registered once.
/// </summary>
public sealed partial class MetricGauges
{
    private readonly ConcurrentDictionary<string, MetricGauge> _gauges = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds a gauge. <paramref name="name"/> must be a Prometheus metric name (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>),
    /// conventionally <c>sregistry_…</c>; <paramref name="read"/> must be quick, must not throw for
    /// expected states, and must not return anything private (it is a number, without labels).
    /// </summary>
    public void Register(string name, string help, Func<IServiceProvider, CancellationToken, Task<double>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!MetricName().IsMatch(name)) throw new ArgumentException($"'{name}' is not a Prometheus metric name.", nameof(name));
        if (!_gauges.TryAdd(name, new MetricGauge(name, help, read)))
            throw new InvalidOperationException($"A gauge named '{name}' is already registered.");
    }

    /// <summary>The registered gauges, by name.</summary>
    public IReadOnlyList<MetricGauge> All => [.. _gauges.Values.OrderBy(g => g.Name, StringComparer.Ordinal)];

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();
}
