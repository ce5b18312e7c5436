using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SRegistry.Abstractions.Builds;

namespace SRegistry.Plugins.GoogleBuild.Builds;

/// <summary>
/// The Cloud Build build for a job: fetch the repository at the commit, build the SIF with the
/// builder image, write its digest and size as a step output, copy it to the bucket. Values from the
/// request only ever appear as separate arguments (no shell), and the definition holds no
/// credentials: the build runs as Cloud Build's own service account.
/// </summary>
public static partial class CloudBuildDefinition
{
    /// <summary>The index of the step whose output is <c>sha256:&lt;hex&gt; &lt;size&gt;</c>.</summary>
    public const int DigestStep = 3;

    private const string Image = "/workspace/image.sif";

    // The digest step is a fixed script; $$ is Cloud Build's escape for a literal $ (it substitutes $NAME itself).
    private const string DigestScript =
        "printf 'sha256:%s %s' \"$$(sha256sum " + Image + " | cut -d' ' -f1)\" \"$$(stat -c %s " + Image + ")\" > \"$$BUILDER_OUTPUT/output\"";

    /// <summary>The tag that ties a Cloud Build build to the registry's build id.</summary>
    public static string JobTag(string buildTag, Guid buildId) => $"{buildTag}-{buildId:N}";

    /// <summary>The registry's build id in <paramref name="tags"/>, if one of them is a <see cref="JobTag"/>.</summary>
    public static Guid? JobId(string buildTag, IEnumerable<string> tags) =>
        tags.Select(t => t.StartsWith(buildTag + "-", StringComparison.Ordinal) && Guid.TryParseExact(t[(buildTag.Length + 1)..], "N", out var id) ? id : (Guid?)null)
            .FirstOrDefault(id => id is not null);

    /// <summary>The object a build's image is uploaded to.</summary>
    public static string ImageObject(string prefix, Guid buildId) => $"{prefix}builds/{buildId:N}.sif";

    /// <summary>Builds the definition, refusing requests that could not be expressed safely.</summary>
    public static JsonObject For(BuildJob job, GoogleBuildOptions options)
    {
        var request = job.Request;
        if (request.SourceRepository is not { IsAbsoluteUri: true, Scheme: "https" or "http" })
            throw new ArgumentException($"The source repository '{request.SourceRepository}' is not an http(s) clone URL.", nameof(job));
        if (!CommitPattern().IsMatch(request.Commit))
            throw new ArgumentException($"The commit '{request.Commit}' is not a full hexadecimal commit id.", nameof(job));
        var segments = request.RecipePath.Split('/');
        if (request.RecipePath.Length == 0 || request.RecipePath.StartsWith('-') || request.RecipePath.StartsWith('/')
            || segments.Any(s => s is "" or "." or ".."))
            throw new ArgumentException($"The recipe path '{request.RecipePath}' must be a relative path inside the repository.", nameof(job));

        return new JsonObject
        {
            ["steps"] = new JsonArray(
                Step("fetch", options.GitImage, null, null, "clone", "--no-checkout", "--", request.SourceRepository.AbsoluteUri, "source"),
                Step("checkout", options.GitImage, "source", null, "checkout", "--detach", request.Commit.ToLowerInvariant()),
                Step("build", options.BuilderImage, "source", null, "build", Image, request.RecipePath),
                Step("digest", options.ToolsImage, null, "bash", "-c", DigestScript),
                Step("upload", options.ToolsImage, null, "gcloud", "storage", "cp", Image, $"gs://{options.Bucket}/{ImageObject(options.ObjectPrefix, job.Id)}")),
            ["timeout"] = ((long)options.BuildTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
            ["tags"] = new JsonArray(options.BuildTag, JobTag(options.BuildTag, job.Id)),
        };
    }

    private static JsonObject Step(string id, string image, string? directory, string? entrypoint, params string[] args)
    {
        var step = new JsonObject { ["id"] = id, ["name"] = image };
        if (directory is not null) step["dir"] = directory;
        if (entrypoint is not null) step["entrypoint"] = entrypoint;
        // Cloud Build would substitute $NAME in arguments; request values must reach git and the builder verbatim.
        step["args"] = new JsonArray(args.Select(a => (JsonNode?)JsonValue.Create(entrypoint == "bash" ? a : a.Replace("$", "$$", StringComparison.Ordinal))).ToArray());
        return step;
    }

    [GeneratedRegex("^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$")]
    private static partial Regex CommitPattern();
}
