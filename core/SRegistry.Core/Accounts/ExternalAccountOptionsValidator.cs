using Microsoft.Extensions.Options;
using SRegistry.Core.Names;

namespace SRegistry.Core.Accounts;

/// <summary>Refuses, at start, options that would fail at the first external sign-in.</summary>
public sealed class ExternalAccountOptionsValidator : IValidateOptions<ExternalAccountOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ExternalAccountOptions options)
    {
        var errors = new List<string>();
        if (options.ExternalRecheckInterval < TimeSpan.Zero)
            errors.Add("Accounts:ExternalRecheckInterval must not be negative; use a time span such as 00:05:00 (zero re-checks on every token use).");
        if (options.ExternalGroups.Admins.Any(string.IsNullOrWhiteSpace))
            errors.Add("Accounts:ExternalGroups:Admins contains an empty group name; list directory group names such as registry-admins.");
        foreach (var (group, team) in options.ExternalGroups.Teams)
        {
            if (!NameValidation.TryValidateTeamName(team, out var error))
                errors.Add($"Accounts:ExternalGroups:Teams:{group}: {error}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
