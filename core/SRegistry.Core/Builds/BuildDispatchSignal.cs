namespace SRegistry.Core.Builds;

/// <summary>Wakes this instance's dispatcher when a build is queued or a slot frees, instead of waiting for its next poll.</summary>
public sealed class BuildDispatchSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Asks for a dispatch round soon; several calls before the round count as one.</summary>
    public void Raise()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised; the pending round will see this build too.
        }
    }

    /// <summary>Waits until raised or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
