namespace SRegistry.Core.Sif;

/// <summary>Finds a section of a Singularity definition file the way Singularity splits one.</summary>
internal static class DefinitionFileSection
{
    // Only these names start a section; any other line beginning with % belongs to the section it is in.
    private static readonly HashSet<string> Names =
    [
        "help", "setup", "files", "labels", "environment", "pre", "post", "runscript", "test", "startscript", "arguments",
        "appenv", "apphelp", "appinstall", "appfiles", "applabels", "apprun", "appstart", "apptest",
    ];

    /// <summary>The body of the first <c>%name</c> section, without its header line and surrounding blank lines; null when absent.</summary>
    public static string? Find(string definition, string name)
    {
        List<string>? body = null;
        foreach (var rawLine in definition.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var header = SectionName(line);
            if (body is not null)
            {
                if (header is not null) break;
                if (body.Count > 0 || !string.IsNullOrWhiteSpace(line)) body.Add(line);
            }
            else if (header == name)
            {
                body = [];
            }
        }
        return body is null ? null : string.Join('\n', body).TrimEnd();
    }

    private static string? SectionName(string line)
    {
        var word = line.AsSpan().TrimStart();
        if (word.IsEmpty || word[0] != '%') return null;
        var end = word.IndexOfAny(' ', '\t');
        var name = (end < 0 ? word : word[..end])[1..].ToString();
        return Names.Contains(name) ? name : null;
    }
}
