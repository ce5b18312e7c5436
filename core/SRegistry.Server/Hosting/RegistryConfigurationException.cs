namespace SRegistry.Server.Hosting;

/// <summary>The configuration cannot work; the message says which setting and how to fix it.</summary>
public sealed class RegistryConfigurationException(string message) : Exception(message);
