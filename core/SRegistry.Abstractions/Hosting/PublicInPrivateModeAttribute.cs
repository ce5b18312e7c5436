namespace SRegistry.Abstractions.Hosting;

/// <summary>
/// Endpoint metadata: this endpoint answers anonymous requests even when the registry runs in private
/// mode (<c>Registry:PrivateMode</c>), where every other endpoint, a plugin's included, refuses them
/// before it runs. Put it on an endpoint with <c>.WithMetadata(new PublicInPrivateModeAttribute())</c>
/// (or on a Razor page model) only when the endpoint authenticates its caller itself (a webhook checking
/// its signature, a sign-in step, a capability URL) and its answer to anyone without valid credentials
/// reveals nothing about what the registry holds: the same status, body and headers whether or not a
/// named thing exists.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PublicInPrivateModeAttribute : Attribute;
