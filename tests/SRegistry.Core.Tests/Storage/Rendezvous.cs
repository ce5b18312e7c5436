namespace SRegistry.Core.Tests.Storage;

/// <summary>Lets concurrent uploads wait for each other, so the test knows they really overlap.</summary>
public sealed class Rendezvous(int participants)
{
    private readonly TaskCompletionSource _everyoneArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>Completes when all participants have arrived; fails after a while if some never do (a store that serializes puts).</summary>
    public Task ArriveAsync()
    {
        if (Interlocked.Increment(ref _arrived) == participants) _everyoneArrived.SetResult();
        return _everyoneArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
