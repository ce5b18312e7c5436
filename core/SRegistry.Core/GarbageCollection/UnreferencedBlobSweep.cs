using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SRegistry.Abstractions.Storage;
using SRegistry.Core.Oci;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.GarbageCollection;

/// <summary>The two sweeps of a collection, batch by batch, each batch one transaction under the exclusive <see cref="BlobLock"/>.</summary>
internal sealed class UnreferencedBlobSweep(RegistryDbContext db, IBlobStore store, int batchSize)
{
    // Everything that keeps a blob; the sweep reads it only after taking the lock, so a reference
    // committed before then is seen, and none can be added until the batch commits.
    private const string Unreferenced = """
        SELECT b.digest, b.size FROM blobs b
        WHERE b.touched_at < @cutoff AND b.digest <> @keep AND b.digest > @after
          AND NOT EXISTS (SELECT 1 FROM images i WHERE i.digest = b.digest)
          AND NOT EXISTS (SELECT 1 FROM manifest_references r WHERE r.digest = b.digest AND NOT r.is_manifest)
          AND NOT EXISTS (SELECT 1 FROM repository_blobs rb WHERE rb.digest = b.digest)
          AND NOT EXISTS (SELECT 1 FROM upload_sessions s WHERE s.expected_sha256 = b.digest AND s.expires_at > @now)
        ORDER BY b.digest
        LIMIT @limit
        """;

    /// <summary>Blobs the database records and nothing references.</summary>
    public async Task<List<CollectedBlob>> RecordedAsync(bool dryRun, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var collected = new List<CollectedBlob>();
        var after = "";
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!dryRun) await BlobLock.TakeExclusiveAsync(db, cancellationToken);
            var batch = new List<CollectedBlob>();
            await using (var select = Command(transaction, Unreferenced))
            {
                select.Parameters.AddWithValue("cutoff", cutoff);
                select.Parameters.AddWithValue("keep", EmptyConfig.Digest.Hex);
                select.Parameters.AddWithValue("after", after);
                select.Parameters.AddWithValue("now", now);
                select.Parameters.AddWithValue("limit", batchSize);
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    batch.Add(new CollectedBlob(BlobDigest.Parse(reader.GetString(0)), reader.GetInt64(1), Recorded: true));
            }

            if (batch.Count == 0) return collected;
            if (!dryRun)
            {
                var digests = batch.Select(b => b.Digest.Hex).ToArray();
                await db.Blobs.Where(b => digests.Contains(b.Digest)).ExecuteDeleteAsync(cancellationToken);
                // Bytes go while the lock is held: a put that finds them gone before recording fails, never records missing bytes.
                foreach (var blob in batch)
                    await store.DeleteAsync(blob.Digest, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            collected.AddRange(batch);
            after = batch[^1].Digest.Hex;
        }
    }

    /// <summary>Bytes in the store, published before the cutoff, that the database has no row for.</summary>
    public async Task<List<CollectedBlob>> UnrecordedAsync(IBlobInventory inventory, bool dryRun, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var collected = new List<CollectedBlob>();
        var batch = new List<BlobInfo>();
        await foreach (var blob in inventory.ListAsync(cancellationToken))
        {
            if (blob.CreatedAt >= cutoff || blob.Digest == EmptyConfig.Digest) continue;
            batch.Add(blob);
            if (batch.Count < batchSize) continue;
            collected.AddRange(await UnrecordedBatchAsync(batch, dryRun, cancellationToken));
            batch.Clear();
        }

        if (batch.Count > 0)
            collected.AddRange(await UnrecordedBatchAsync(batch, dryRun, cancellationToken));
        return collected;
    }

    private async Task<List<CollectedBlob>> UnrecordedBatchAsync(List<BlobInfo> batch, bool dryRun, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!dryRun) await BlobLock.TakeExclusiveAsync(db, cancellationToken);
        var digests = batch.Select(b => b.Digest.Hex).ToList();
        var recorded = (await db.Blobs.Where(b => digests.Contains(b.Digest)).Select(b => b.Digest).ToListAsync(cancellationToken)).ToHashSet();
        var orphans = batch.Where(b => !recorded.Contains(b.Digest.Hex)).Select(b => new CollectedBlob(b.Digest, b.Size, Recorded: false)).ToList();
        if (!dryRun)
        {
            foreach (var orphan in orphans)
                await store.DeleteAsync(orphan.Digest, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return orphans;
    }

    private NpgsqlCommand Command(IDbContextTransaction transaction, string sql)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        return new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
    }
}
