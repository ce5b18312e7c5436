namespace SRegistry.Core.Domain;

/// <summary>A webhook delivery id already handled, so a redelivery is ignored by every server instance.</summary>
public sealed class WebhookDelivery
{
    public required string Provider { get; set; }
    public required string DeliveryId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
