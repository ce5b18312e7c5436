using System.Diagnostics.CodeAnalysis;

namespace SRegistry.Core.Accounts;

/// <summary>
/// The outcome of an account or token operation: the value on success, otherwise an error code for
/// programs and a message for people (what is wrong and what would be accepted).
/// </summary>
public sealed record AccountResult<T>
    where T : class
{
    private AccountResult(T? value, AccountError error, string message)
    {
        Value = value;
        Error = error;
        Message = message;
    }

    /// <summary>The result; set exactly when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary><see cref="AccountError.None"/> on success.</summary>
    public AccountError Error { get; }

    /// <summary>Why it was refused; empty on success.</summary>
    public string Message { get; }

    /// <summary>True when the operation was carried out.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    /// <summary>A successful outcome carrying <paramref name="value"/>.</summary>
    public static AccountResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), AccountError.None, string.Empty);

    /// <summary>A refusal with a code and a message for people.</summary>
    public static AccountResult<T> Failure(AccountError error, string message) =>
        error == AccountError.None ? throw new ArgumentOutOfRangeException(nameof(error)) : new(null, error, message);
}
