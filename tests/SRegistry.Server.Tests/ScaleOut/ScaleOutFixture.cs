using Microsoft.Extensions.Logging.Abstractions;
using SRegistry.Core.Persistence;
using SRegistry.Server.Tests.Infrastructure;
using SRegistry.Storage.S3.Tests.Moto;

namespace SRegistry.Server.Tests.ScaleOut;

/// <summary>
/// A scaled-out registry: two server instances, each with a data directory of its own, on one external
/// PostgreSQL cluster (started here) and one S3 bucket (moto_server), sharing nothing else. Instance <see cref="Direct"/> hands clients presigned URLs of the bucket (direct transfers);
/// instance <see cref="Proxied"/> streams every byte itself.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    private readonly TestDirectory _root = new();
    private EmbeddedPostgres? _database;
    private MotoServer? _moto;
    private RunningServer? _direct;
    private RunningServer? _proxied;

    public RunningServer Direct => _direct ?? throw new InvalidOperationException("The fixture has not started.");

    public RunningServer Proxied => _proxied ?? throw new InvalidOperationException("The fixture has not started.");

    public MotoServer Moto => _moto ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The key prefix of this registry's objects in the bucket.</summary>
    public string Prefix { get; } = "registry-" + Guid.NewGuid().ToString("N")[..8] + "/";

    public string AliceToken { get; private set; } = "";

    public string Files => _root.Combine("files");

    /// <summary>Configuration both instances (and admin commands) share, as SREGISTRY_ environment variables.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Files);
        _moto = await MotoServer.StartAsync();
        _database = await EmbeddedPostgres.StartAsync(_root.Combine("pg"), NullLogger.Instance, CancellationToken.None);
        var s3 = _moto.OptionsFor(Prefix);
        Environment["SREGISTRY_Database__ConnectionString"] = _database.ConnectionString;
        Environment["SREGISTRY_Storage__Provider"] = "s3";
        Environment["SREGISTRY_Storage__S3__ServiceUrl"] = s3.ServiceUrl;
        Environment["SREGISTRY_Storage__S3__Bucket"] = s3.Bucket;
        Environment["SREGISTRY_Storage__S3__Prefix"] = s3.Prefix;
        Environment["SREGISTRY_Storage__S3__ForcePathStyle"] = "true";
        Environment["SREGISTRY_Storage__S3__AccessKeyId"] = s3.AccessKeyId;
        Environment["SREGISTRY_Storage__S3__SecretAccessKey"] = s3.SecretAccessKey;
        // Unfinished uploads are staged in the bucket, so each instance keeps its own (unused) upload directory,
        // and the sregistry-cli server key is in the database: instances share nothing else.
        Environment["SREGISTRY_Uploads__MultipartPartSize"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);

        _direct = await RunningServer.StartAsync(_root.Combine("a"), Environment, "--Storage:S3:DirectTransfers", "true");
        _proxied = await RunningServer.StartAsync(_root.Combine("b"), Environment);
        await AdminAsync("user", "create", "alice");
        AliceToken = await AdminAsync("token", "create", "alice", "--name", "scale-out");
    }

    /// <summary>The data directory of instance <paramref name="name"/> (<c>a</c> is <see cref="Direct"/>, <c>b</c> <see cref="Proxied"/>).</summary>
    public string DataDirectory(string name) => _root.Combine(name);

    /// <summary>Starts one more instance on the shared database and bucket, with a data directory of its own.</summary>
    public Task<RunningServer> StartInstanceAsync(string name, params string[] extraArgs) =>
        RunningServer.StartAsync(DataDirectory(name), Environment, extraArgs);

    /// <summary>Runs an admin command that must succeed against the shared database and bucket; returns its output.</summary>
    public async Task<string> AdminAsync(params string[] args)
    {
        var result = await ServerBinary.RunAsync(["admin", "--data", _root.Combine("admin"), .. args], environment: Environment);
        Assert.True(result.ExitCode == 0, $"admin {string.Join(' ', args)} failed: {result}");
        return result.StandardOutput.Trim();
    }

    public async Task DisposeAsync()
    {
        if (_direct is not null) await _direct.DisposeAsync();
        if (_proxied is not null) await _proxied.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (_moto is not null) await _moto.DisposeAsync();
        _root.Dispose();
    }
}
