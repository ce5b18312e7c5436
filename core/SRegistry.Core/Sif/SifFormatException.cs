namespace SRegistry.Core.Sif;

/// <summary>The bytes are not a SIF image this reader accepts; the message says what is wrong.</summary>
public sealed class SifFormatException : FormatException
{
    /// <summary>Creates the exception with a message naming the problem.</summary>
    public SifFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the failure that revealed the problem.</summary>
    public SifFormatException(string message, Exception innerException) : base(message, innerException) { }
}
