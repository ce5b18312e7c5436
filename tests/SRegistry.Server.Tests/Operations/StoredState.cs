using Npgsql;

namespace SRegistry.Server.Tests.Operations;

/// <summary>What a refused push must leave as it was: blob files, blob rows, uploaded images and upload sessions of every door.</summary>
public sealed record StoredState(int BlobFiles, long BlobRows, long UploadedImages, long UploadSessions, long OciUploads)
{
    public static async Task<StoredState> ReadAsync(string dataDirectory)
    {
        var blobs = Path.Combine(dataDirectory, "blobs", "blobs", "sha256");
        var files = Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories).Length : 0;
        // The server's embedded cluster listens on a Unix socket in its data directory.
        await using var connection = new NpgsqlConnection($"Host={Path.Combine(dataDirectory, "postgres")};Username=sregistry;Database=sregistry");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM blobs), (SELECT count(*) FROM images WHERE uploaded), (SELECT count(*) FROM upload_sessions), (SELECT count(*) FROM oci_uploads)",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoredState(files, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
