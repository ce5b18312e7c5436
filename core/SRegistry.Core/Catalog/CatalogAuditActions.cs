namespace SRegistry.Core.Catalog;

/// <summary>The dotted verbs the catalog writes to the audit log (next to <see cref="Audit.AuditActions"/>).</summary>
public static class CatalogAuditActions
{
    public const string EntityCreate = "entity.create";
    public const string CollectionCreate = "collection.create";
    public const string CollectionHide = "collection.hide";
    public const string CollectionPublish = "collection.publish";
    public const string CollectionMemberSet = "collection.member.set";
    public const string CollectionMemberRemove = "collection.member.remove";
    public const string CollectionDelete = "collection.delete";
    public const string ContainerCreate = "container.create";
    public const string ContainerFreeze = "container.freeze";
    public const string ContainerUnfreeze = "container.unfreeze";
    public const string ContainerUpdate = "container.update";
    public const string ContainerDelete = "container.delete";
    public const string ImageCreate = "image.create";
    public const string ImageDelete = "image.delete";
    public const string TagSet = "tag.set";
    public const string TagMove = "tag.move";
    public const string TagDelete = "tag.delete";
    public const string LabelSet = "label.set";
    public const string LabelRemove = "label.remove";
}
