using SRegistry.Abstractions.Builds;

namespace SRegistry.Core.Builds;

/// <summary>The backend <c>Builds:Provider</c> picked, or none: without one, builds are disabled and triggers are refused.</summary>
public sealed class ConfiguredBuildBackend(IBuildBackend? backend)
{
    /// <summary>The backend, or null when builds are disabled.</summary>
    public IBuildBackend? Backend { get; } = backend;

    /// <summary>Whether a backend is configured.</summary>
    public bool Enabled => Backend is not null;

    /// <summary>What users are told when they trigger a build while builds are disabled.</summary>
    public const string DisabledMessage = "Builds are disabled on this registry: an administrator must set Builds:Provider to a build backend (and enable the plugin that provides it).";
}
