namespace SRegistry.Abstractions.Sources;

/// <summary>
/// A kind of source repository a collection can be connected to (for example GitHub); register with
/// <see cref="RegistryServiceCollectionExtensions.AddSourceProvider"/>. The core stores connections and
/// shows their webhook URL; the plugin receives the webhooks.
/// </summary>
/// <param name="Key">The provider key stored with each connection, for example <c>github</c>.</param>
/// <param name="DisplayName">The name users see, for example <c>GitHub</c>.</param>
/// <param name="HookPathTemplate">The webhook path with <c>{id}</c> where the connection id goes, for example <c>/plugins/github-webhooks/hook/{id}</c>.</param>
public sealed record SourceProvider(string Key, string DisplayName, string HookPathTemplate);
