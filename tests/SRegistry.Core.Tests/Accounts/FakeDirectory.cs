using SRegistry.Abstractions.Authentication;

namespace SRegistry.Core.Tests.Accounts;

/// <summary>A directory in memory: people with passwords and groups, an on/off switch, and account states.</summary>
internal sealed class FakeDirectory : IPasswordAuthenticator, IExternalAccountStatus
{
    private readonly Dictionary<string, (string Password, ExternalIdentity Identity)> people = new();

    public string Name => "fake";

    /// <summary>When true, every call throws as an unreachable server would.</summary>
    public bool Down { get; set; }

    /// <summary>What <see cref="IsActiveAsync"/> answers per subject; missing subjects answer false.</summary>
    public Dictionary<string, bool?> States { get; } = new();

    public int SignInCalls { get; private set; }

    public int StatusCalls { get; private set; }

    public ExternalIdentity Add(string userName, string password, string subject, params string[] groups)
    {
        var identity = new ExternalIdentity(Name, subject, userName, $"{userName}@example.org", $"{userName} Example", groups);
        people[userName] = (password, identity);
        States[subject] = true;
        return identity;
    }

    public Task<ExternalIdentity?> AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        SignInCalls++;
        if (Down)
            throw new InvalidOperationException("The fake directory is down.");
        return Task.FromResult(people.TryGetValue(userName, out var person) && person.Password == password ? person.Identity : null);
    }

    public Task<bool?> IsActiveAsync(string subject, CancellationToken cancellationToken)
    {
        StatusCalls++;
        if (Down)
            throw new InvalidOperationException("The fake directory is down.");
        return Task.FromResult(States.TryGetValue(subject, out var state) ? state : false);
    }
}
