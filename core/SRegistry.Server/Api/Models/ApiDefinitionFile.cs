namespace SRegistry.Server.Api.Models;

/// <summary>The definition file (recipe) an image was built from, as read from its SIF; null when it carries none.</summary>
public sealed record ApiDefinitionFile(long ImageId, string? DefinitionFile);
