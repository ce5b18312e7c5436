using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SRegistry.Server.SRegistryCli;

/// <summary>
/// Reads <c>POST /upload</c>'s multipart body up to the file: the fields sregistry-cli sends first
/// (<c>SREGISTRY_EVENT</c>, <c>name</c>, <c>collection</c>, <c>tag</c>), then hands out the <c>file1</c>
/// section unread, so the file streams straight from the connection.
/// </summary>
public sealed class UploadForm
{
    /// <summary>The longest field value read; fields are names and a signature.</summary>
    private const int MaxFieldLength = 16 * 1024;

    private UploadForm(Dictionary<string, string> fields, MultipartSection? file)
    {
        Fields = fields;
        File = file;
    }

    /// <summary>The text fields before the file.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>The <c>file1</c> section, positioned at its first byte; null when the form has none.</summary>
    public MultipartSection? File { get; }

    /// <summary>Reads the fields; null with a message when the request is no multipart form.</summary>
    public static async Task<(UploadForm? Form, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return (null, "The upload must be multipart/form-data with a boundary.");

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { } name)
                continue;
            if (name == "file1")
                return (new UploadForm(fields, section), null);

            using var text = new StreamReader(section.Body, Encoding.UTF8);
            var buffer = new char[MaxFieldLength + 1];
            var length = await text.ReadBlockAsync(buffer, cancellationToken);
            if (length > MaxFieldLength)
                return (null, $"The form field '{name}' is too long.");
            fields[name] = new string(buffer, 0, length);
        }

        return (new UploadForm(fields, null), null);
    }
}
