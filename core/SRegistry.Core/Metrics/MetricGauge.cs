namespace SRegistry.Core.Metrics;

/// <summary>One registered gauge (see <see cref="MetricGauges.Register"/>).</summary>
/// <param name="Name">Its Prometheus name.</param>
/// <param name="Help">One line saying what it measures.</param>
/// <param name="Read">Reads its current value with a scoped service provider.</param>
public sealed record MetricGauge(string Name, string Help, Func<IServiceProvider, CancellationToken, Task<double>> Read);
