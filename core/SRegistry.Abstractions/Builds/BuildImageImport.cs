namespace SRegistry.Abstractions.Builds;

/// <summary>What <see cref="IBuildReporter.ImportImageAsync"/> did with a build's image.</summary>
public enum BuildImageImport
{
    /// <summary>Stored, tagged in the build's destination, and the build is now Success.</summary>
    Imported,

    /// <summary>The bytes did not match the digest or size; nothing stored, the build is now Failure.</summary>
    Mismatch,

    /// <summary>No build has that id, or it already reached a final state; nothing stored.</summary>
    NotAccepted,
}
