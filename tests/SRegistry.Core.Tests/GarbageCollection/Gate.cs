namespace SRegistry.Core.Tests.GarbageCollection;

/// <summary>A one-shot rendezvous: one side signals it arrived and waits to be released; the test waits for the arrival, then releases.</summary>
internal sealed class Gate
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called by the paused side.</summary>
    public Task PassAsync()
    {
        _arrived.TrySetResult();
        return _released.Task.WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Completes when the paused side is at the gate (bounded, so a broken test fails instead of hanging).</summary>
    public Task Arrived => _arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));

    public void Release() => _released.TrySetResult();
}
