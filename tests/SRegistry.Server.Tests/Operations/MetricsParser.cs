using System.Text.Json;
using SRegistry.Server.Tests.Infrastructure;

namespace SRegistry.Server.Tests.Operations;

/// <summary>
/// The Go program in <c>tests/interop/metrics-parser</c>: parses a scrape with the Prometheus project's
/// own text parser (expfmt) and returns its samples, so the format is checked by an implementation
/// independent of the one that wrote it.
/// </summary>
public static class MetricsParser
{
    private static readonly GoHarness Program = new(
        "metrics-parser",
        "/usr/share/gocode/src/github.com/prometheus/common/expfmt",
        "apt-get install golang-go golang-github-prometheus-common-dev, or run bash .ci/run");

    /// <summary>Parses the exposition; fails the test with the parser's message when it is not valid.</summary>
    public static async Task<IReadOnlyList<MetricSample>> ParseAsync(string exposition)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, exposition);
            var result = await ToolProcess.RunAsync(await Program.BinaryAsync(), [file], TimeSpan.FromMinutes(2));
            if (result.ExitCode != 0) Assert.Fail($"/metrics is not valid Prometheus text: {result}\n{exposition}");
            return JsonSerializer.Deserialize<MetricSample[]>(result.StandardOutput, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The value of the sample <paramref name="name"/> with exactly these labels, or 0 when absent (a counter not yet incremented).</summary>
    public static double Value(this IReadOnlyList<MetricSample> samples, string name, params (string Name, string Value)[] labels) =>
        samples.SingleOrDefault(s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.GetValueOrDefault(l.Name) == l.Value))?.Value ?? 0;
}
