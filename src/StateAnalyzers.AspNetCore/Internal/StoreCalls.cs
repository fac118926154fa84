namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Helpers for session-store calls that a request stops waiting for.</summary>
internal static class StoreCalls
{
    /// <summary>A call abandoned after its timeout may still fail later; its exception is observed, never left unobserved.</summary>
    public static void Observe(Task task)
    {
        if (!task.IsCompleted)
        {
            task.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        else
        {
            _ = task.Exception;
        }
    }
}
