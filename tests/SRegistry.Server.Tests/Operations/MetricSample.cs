namespace SRegistry.Server.Tests.Operations;

/// <summary>One sample as the Prometheus parser read it.</summary>
public sealed record MetricSample(string Family, string Name, string Type, Dictionary<string, string> Labels, double Value);
