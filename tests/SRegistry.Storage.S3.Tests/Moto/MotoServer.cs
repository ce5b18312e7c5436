using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Amazon.S3.Model;
using SRegistry.Storage.S3;

namespace SRegistry.Storage.S3.Tests.Moto;

/// <summary>
/// A real S3 endpoint for tests: <c>moto_server</c> on a free loopback port, with one bucket. Each
/// test takes its own key prefix (<see cref="OptionsFor"/>), so tests sharing the server see only their objects.
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    public const string Bucket = "sregistry-test";

    private readonly Process _process;

    private MotoServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Starts moto_server and creates <see cref="Bucket"/>.</summary>
    public static async Task<MotoServer> StartAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("moto_server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start; it must be on PATH.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilUpAsync();
        using var client = S3ClientFactory.Create(server.OptionsFor(""));
        await client.PutBucketAsync(new PutBucketRequest { BucketName = Bucket });
        return server;
    }

    /// <summary>Options for a store on this server under <paramref name="prefix"/>.</summary>
    public S3BlobStoreOptions OptionsFor(string prefix, long partSize = S3BlobStoreOptions.MinimumPartSize) => new()
    {
        ServiceUrl = Endpoint.ToString().TrimEnd('/'),
        Bucket = Bucket,
        Prefix = prefix,
        ForcePathStyle = true,
        AccessKeyId = "test",
        SecretAccessKey = "test",
        PartSize = partSize,
    };

    /// <summary>The keys under a prefix, and the multipart uploads in progress under it.</summary>
    public async Task<(List<string> Keys, int Uploads)> ListAsync(string prefix)
    {
        using var client = S3ClientFactory.Create(OptionsFor(""));
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix, ContinuationToken = token });
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = prefix });
        return (keys, uploads.MultipartUploads?.Count ?? 0);
    }

    private async Task WaitUntilUpAsync()
    {
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"moto_server exited with {_process.ExitCode}.");
            try
            {
                await http.GetAsync(Endpoint);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("moto_server did not answer within 30 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
