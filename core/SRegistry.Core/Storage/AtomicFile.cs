namespace SRegistry.Core.Storage;

/// <summary>
/// Publishing a finished file under a name that must not be overwritten. <c>File.Move(…, overwrite:
/// false)</c> is not atomic on Linux (it checks, then renames), so two writers could both "win".
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Renames <paramref name="source"/> to <paramref name="target"/> unless the target exists, in one
    /// atomic step. Returns false, leaving <paramref name="source"/> in place, when it does.
    /// </summary>
    public static bool TryMoveWithoutReplacing(string source, string target) => PosixFileSystem.TryRenameNoReplace(source, target);
}
