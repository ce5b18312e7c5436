using System.Diagnostics.CodeAnalysis;
using SRegistry.Core.Domain;

namespace SRegistry.Core.Accounts;

/// <summary>The result of <see cref="PasswordSignIn.SignInAsync"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="User">The signed-in local user; set exactly when <see cref="Succeeded"/>.</param>
/// <param name="Message">What to tell the person; empty on success.</param>
public sealed record PasswordSignInResult(PasswordSignInOutcome Outcome, User? User, string Message)
{
    /// <summary>The message for <see cref="PasswordSignInOutcome.InvalidCredentials"/>.</summary>
    public const string InvalidMessage = "Unable to log in with the provided credentials.";

    /// <summary>True when <see cref="User"/> may be used.</summary>
    [MemberNotNullWhen(true, nameof(User))]
    public bool Succeeded => Outcome == PasswordSignInOutcome.Succeeded;

    internal static PasswordSignInResult Success(User user) => new(PasswordSignInOutcome.Succeeded, user, string.Empty);

    internal static PasswordSignInResult Invalid { get; } = new(PasswordSignInOutcome.InvalidCredentials, null, InvalidMessage);

    internal static PasswordSignInResult Refused(string message) => new(PasswordSignInOutcome.Refused, null, message);

    internal static PasswordSignInResult Unavailable(string message) => new(PasswordSignInOutcome.DirectoryUnavailable, null, message);
}
