using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Server.Tests.Library;

namespace SRegistry.Server.Tests;

/// <summary><c>admin backup</c> and <c>admin restore</c> on a real registry, its database wiped in between.</summary>
public sealed class BackupRestoreTests(LibraryHarness harness) : IClassFixture<LibraryHarness>
{
    [Fact]
    public async Task Restore_IntoAWipedDatabase_BringsBackImagesAndTokens_AndReportsAMissingBlob()
    {
        using var data = new TestDirectory();
        using var backups = new TestDirectory();
        var files = data.Combine("files");
        Directory.CreateDirectory(files);
        var image = await SifFiles.CreateAsync(files);
        var other = await SifFiles.CreateAsync(files, paddingBytes: 4096);
        var backup = backups.Combine("nightly");
        string token;
        await using (var server = await RunningServer.StartAsync(data.Path))
        {
            token = await LibraryServerFixture.CreateUserAsync(data.Path, "alice");
            await harness.RunAsync(server.BaseAddress, token, "push", image, "alice/tools/app:v1");
            await harness.RunAsync(server.BaseAddress, token, "push", other, "alice/tools/other:v1");
            await AdminCli.OkAsync(data.Path, null, "backup", "--to", backup);
        }
        var inventory = await File.ReadAllLinesAsync(Path.Combine(backup, "blobs.tsv"));

        Directory.Delete(data.Combine("postgres"), recursive: true);
        var restored = await AdminCli.RunAsync(data.Path, null, "restore", "--from", backup);
        var again = await AdminCli.RunAsync(data.Path, null, "restore", "--from", backup);
        await using (var server = await RunningServer.StartAsync(data.Path))
        {
            var pulled = await harness.RunAsync(server.BaseAddress, token, "pull", "alice/tools/app:v1", data.Combine("files", "pulled.sif"));
            Assert.Equal(SifFiles.LibraryHash(image), pulled.GetProperty("sha256").GetString());
        }

        Assert.True(restored.ExitCode == 0, $"restore failed: {restored}");
        Assert.Contains($"sha256:{SifFiles.LibraryHash(image)["sha256.".Length..]}\t{new FileInfo(image).Length}", inventory);
        Assert.Contains($"sha256:{SifFiles.LibraryHash(other)["sha256.".Length..]}\t{new FileInfo(other).Length}", inventory);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not empty", again.StandardError);

        // A blob lost from the store since the backup: restore still loads the database, names it, and fails.
        var lost = SifFiles.LibraryHash(other)["sha256.".Length..];
        File.Delete(data.Combine("blobs", "blobs", "sha256", lost[..2], lost));
        Directory.Delete(data.Combine("postgres"), recursive: true);
        var incomplete = await AdminCli.RunAsync(data.Path, null, "restore", "--from", backup);

        Assert.Equal(1, incomplete.ExitCode);
        Assert.Equal($"missing\tsha256:{lost}\t{new FileInfo(other).Length}\tnot in the store", incomplete.StandardOutput.Trim());
        Assert.Contains("lacks 1 referenced blob", incomplete.StandardError);
    }
}
