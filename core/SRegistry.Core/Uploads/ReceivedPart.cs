namespace SRegistry.Core.Uploads;

/// <summary>A part that arrived and matched.</summary>
/// <param name="PartNumber">The part's number, from 1.</param>
/// <param name="Token">What the client must quote back at completion: a random receipt, new each time the part arrives, so that a completion cannot list an arrival that a later one replaced. The door sends it as the <c>ETag</c>.</param>
public sealed record ReceivedPart(int PartNumber, string Token);
