namespace SRegistry.Core.Oci;

/// <summary>A value, or the <see cref="OciError"/> and message saying why there is none.</summary>
public sealed record OciResult<T>
{
    private OciResult(T? value, OciError error, string message)
    {
        Value = value;
        Error = error;
        Message = message;
    }

    public T? Value { get; }
    public OciError Error { get; }
    public string Message { get; }
    public bool Succeeded => Error == OciError.None;

    public static OciResult<T> Success(T value) => new(value, OciError.None, string.Empty);

    public static OciResult<T> Failure(OciError error, string message) => new(default, error, message);

    /// <summary>The same refusal for another value type.</summary>
    public OciResult<TOther> As<TOther>() => OciResult<TOther>.Failure(Error, Message);
}
