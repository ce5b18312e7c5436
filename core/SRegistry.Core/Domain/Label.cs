namespace SRegistry.Core.Domain;

/// <summary>A key/value label of an image (from the SIF labels object or set by users).</summary>
public sealed class Label
{
    public long Id { get; set; }
    public long ImageId { get; set; }
    public Image Image { get; set; } = null!;
    public required string Key { get; set; }
    public required string Value { get; set; }
}
