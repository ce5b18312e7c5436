namespace SRegistry.Abstractions.Builds;

/// <summary>A named build backend; configuration picks one with <c>Builds:Provider</c>.</summary>
/// <param name="Key">The configuration value that selects it, for example <c>google-cloud-build</c>.</param>
/// <param name="Create">Creates the backend once, when the host starts.</param>
public sealed record BuildBackendProvider(string Key, Func<IServiceProvider, IBuildBackend> Create);
