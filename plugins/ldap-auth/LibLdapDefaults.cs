using System.Runtime.InteropServices;

namespace SRegistry.Plugins.LdapAuth;

/// <summary>
/// Sets libldap's process-wide defaults, which new connections copy when they are created:
/// <list type="bullet">
/// <item>Network and operation timeouts. System.DirectoryServices.Protocols on Linux applies neither to a
/// bind (its <c>Timeout</c> covers searches only), so without these a directory that accepts the
/// connection but never answers would block a thread for good.</item>
/// <item>Restart after a signal. Without it, a signal that reaches the thread while libldap waits in
/// poll() (a child process exiting, for one) ends the operation as "server unavailable".</item>
/// </list>
/// </summary>
internal static class LibLdapDefaults
{
    private const int OptionRestart = 0x0009;
    private const int OptionTimeout = 0x5002;
    private const int OptionNetworkTimeout = 0x5005;

    // The names System.DirectoryServices.Protocols tries, in its order, so this finds the same library.
    private static readonly string[] LibraryNames = ["libldap.so.2", "libldap-2.6.so.0", "libldap-2.5.so.0", "libldap-2.4.so.2"];

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetTimeOption(IntPtr ld, int option, ref TimeValue value);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetPointerOption(IntPtr ld, int option, IntPtr value);

    /// <summary>Sets the defaults; does nothing where libldap is not found (the caller's own deadline still applies).</summary>
    public static void Apply(TimeSpan connect, TimeSpan operation)
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var library) || !NativeLibrary.TryGetExport(library, "ldap_set_option", out var export))
                continue;
            var setTime = Marshal.GetDelegateForFunctionPointer<SetTimeOption>(export);
            var network = TimeValue.From(connect);
            var each = TimeValue.From(operation);
            setTime(IntPtr.Zero, OptionNetworkTimeout, ref network);
            setTime(IntPtr.Zero, OptionTimeout, ref each);
            // A boolean option is on for any non-null value (LDAP_OPT_ON).
            Marshal.GetDelegateForFunctionPointer<SetPointerOption>(export)(IntPtr.Zero, OptionRestart, 1);
            return;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;

        public static TimeValue From(TimeSpan span) => new()
        {
            Seconds = (long)span.TotalSeconds,
            Microseconds = span.Microseconds + 1000L * span.Milliseconds,
        };
    }
}
