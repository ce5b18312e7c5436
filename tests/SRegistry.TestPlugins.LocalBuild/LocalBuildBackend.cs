using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using SRegistry.Abstractions.Builds;
using SRegistry.Abstractions.Storage;

namespace SRegistry.TestPlugins.LocalBuild;

/// <summary>
/// Builds in the background of this process: makes a real, unique SIF image (a squashfs root file system
/// holding the commit and recipe path), then streams it to <see cref="IBuildReporter.ImportImageAsync"/>.
/// </summary>
public sealed class LocalBuildBackend(IBuildReporter reporter, LocalBuildOptions options) : IBuildBackend
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new();

    public Task<string> SubmitAsync(BuildJob job, CancellationToken cancellationToken)
    {
        var id = "local-" + job.Id.ToString("N");
        var stop = new CancellationTokenSource();
        _running[id] = stop;
        _ = Task.Run(() => RunAsync(id, job, stop.Token), CancellationToken.None);
        return Task.FromResult(id);
    }

    public Task CancelAsync(string backendBuildId, CancellationToken cancellationToken)
    {
        if (_running.TryRemove(backendBuildId, out var stop))
            stop.Cancel();
        return Task.CompletedTask;
    }

    private async Task RunAsync(string id, BuildJob job, CancellationToken cancellationToken)
    {
        try
        {
            var tag = job.Request.Tag;
            if (tag.Contains("hold", StringComparison.Ordinal))
                while (!File.Exists(Path.Combine(options.GateDirectory, tag)))
                    await Task.Delay(100, cancellationToken);

            var image = await MakeImageAsync(job, cancellationToken);
            var size = new FileInfo(image).Length;
            BlobDigest digest;
            await using (var read = File.OpenRead(image))
                digest = BlobDigest.FromHash(await SHA256.HashDataAsync(read, cancellationToken));
            if (tag.Contains("corrupt", StringComparison.Ordinal))
                digest = BlobDigest.FromHash(SHA256.HashData("not the image"u8));
            await using var content = File.OpenRead(image);
            await reporter.ImportImageAsync(job.Id, content, digest, size, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // Cancelled through CancelAsync: the core already marked the build.
        }
        catch (Exception e)
        {
            await reporter.ReportAsync(new BuildReport(job.Id, BuildState.Failure, $"local build failed: {e.Message}"), CancellationToken.None);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    private async Task<string> MakeImageAsync(BuildJob job, CancellationToken cancellationToken)
    {
        var work = Path.Combine(options.WorkDirectory, job.Id.ToString("N"));
        var root = Path.Combine(work, "rootfs");
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "built-from"), $"{job.Request.Commit} {job.Request.RecipePath} {job.Id}\n", cancellationToken);
        var squashfs = Path.Combine(work, "rootfs.squashfs");
        await RunAsync(cancellationToken, "mksquashfs", root, squashfs, "-noappend", "-all-root", "-quiet", "-no-progress");
        var image = Path.Combine(options.WorkDirectory, job.Id.ToString("D") + ".sif");
        await RunAsync(cancellationToken, "siftool", "new", image);
        await RunAsync(cancellationToken, "siftool", "add", image, squashfs, "--datatype", "4", "--parttype", "2", "--partfs", "1", "--partarch", "2");
        Directory.Delete(work, recursive: true);
        return image;
    }

    private static async Task RunAsync(CancellationToken cancellationToken, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {await error}");
    }
}
