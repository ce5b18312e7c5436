namespace SRegistry.PluginHost.Tests;

public static class LoadFailure
{
    /// <summary>Asserts that <paramref name="action"/> fails for <paramref name="pluginId"/> with a message holding every part.</summary>
    public static PluginLoadException Assert(Action action, string pluginId, params string[] parts)
    {
        var exception = Xunit.Assert.Throws<PluginLoadException>(action);
        Xunit.Assert.Equal(pluginId, exception.PluginId);
        Xunit.Assert.Contains($"\"{pluginId}\"", exception.Message, StringComparison.Ordinal);
        foreach (var part in parts)
        {
            Xunit.Assert.Contains(part, exception.Message, StringComparison.Ordinal);
        }

        return exception;
    }
}
