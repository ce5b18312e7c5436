namespace SRegistry.Core.Domain;

/// <summary>A name for an image, unique per (container, arch, name). Moving it re-points <see cref="ImageId"/>.</summary>
public sealed class Tag
{
    public long Id { get; set; }
    public long ContainerId { get; set; }
    public Container Container { get; set; } = null!;
    public required string Arch { get; set; }
    public required string Name { get; set; }
    public long ImageId { get; set; }
    public Image Image { get; set; } = null!;
    public DateTimeOffset UpdatedAt { get; set; }
}
