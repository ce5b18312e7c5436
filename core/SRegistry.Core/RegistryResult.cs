using System.Diagnostics.CodeAnalysis;

namespace SRegistry.Core;

/// <summary>
/// The outcome of a registry operation (accounts, tokens, the catalog): the value on success, otherwise
/// an error code for programs and a message for people (what is wrong and what would be accepted).
/// </summary>
public sealed record RegistryResult<T>
    where T : class
{
    private RegistryResult(T? value, RegistryError error, string message)
    {
        Value = value;
        Error = error;
        Message = message;
    }

    /// <summary>The result; set exactly when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary><see cref="RegistryError.None"/> on success.</summary>
    public RegistryError Error { get; }

    /// <summary>Why it was refused; empty on success.</summary>
    public string Message { get; }

    /// <summary>True when the operation was carried out.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    /// <summary>A successful outcome carrying <paramref name="value"/>.</summary>
    public static RegistryResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), RegistryError.None, string.Empty);

    /// <summary>A refusal with a code and a message for people.</summary>
    public static RegistryResult<T> Failure(RegistryError error, string message) =>
        error == RegistryError.None ? throw new ArgumentOutOfRangeException(nameof(error)) : new(null, error, message);
}
