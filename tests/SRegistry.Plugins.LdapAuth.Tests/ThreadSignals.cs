using System.Runtime.InteropServices;

namespace SRegistry.Plugins.LdapAuth.Tests;

/// <summary>
/// Sends a signal to chosen threads of this process, as the kernel does when it hands a process-wide
/// signal (a child's SIGCHLD) to whichever thread does not block it.
/// </summary>
internal static class ThreadSignals
{
    /// <summary>SIGWINCH: harmless, and interrupts a blocking poll() once a handler is registered.</summary>
    public const int WindowChanged = 28;

    /// <summary>The threads now blocked in poll() or ppoll(), by kernel thread id.</summary>
    public static HashSet<int> InPoll()
    {
        var polls = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => new[] { "7", "271" },
            Architecture.Arm64 => ["73"],
            var other => throw new PlatformNotSupportedException($"Poll syscall numbers for {other} are not listed."),
        };
        var threads = new HashSet<int>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                // The first field is the number of the system call the thread is blocked in.
                if (polls.Contains(File.ReadAllText(Path.Combine(task, "syscall")).Split(' ')[0]))
                    threads.Add(int.Parse(Path.GetFileName(task)));
            }
            catch (IOException)
            {
                // The thread ended while being looked at.
            }
        }

        return threads;
    }

    /// <summary>Waits (bounded, not timed) until a thread not in <paramref name="before"/> blocks in poll().</summary>
    public static async Task<HashSet<int>> NewlyInPollAsync(HashSet<int> before)
    {
        for (var attempt = 0; attempt < 3000; attempt++)
        {
            var now = InPoll();
            now.ExceptWith(before);
            if (now.Count > 0)
                return now;
            await Task.Delay(10);
        }

        throw new TimeoutException("No thread started waiting in poll().");
    }

    public static void Send(int thread, int signal)
    {
        if (tgkill(Environment.ProcessId, thread, signal) != 0)
            throw new InvalidOperationException($"tgkill failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int tgkill(int processId, int threadId, int signal);
}
