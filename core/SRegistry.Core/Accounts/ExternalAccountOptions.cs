namespace SRegistry.Core.Accounts;

/// <summary>How accounts from external directories are treated, bound by the host from the <c>Accounts</c> section.</summary>
public sealed class ExternalAccountOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Accounts";

    /// <summary>Directory groups mapped to roles and teams on every external sign-in.</summary>
    public ExternalGroupOptions ExternalGroups { get; set; } = new();

    /// <summary>
    /// How long the directory's word that an account is enabled holds before a token use asks again
    /// (default 5 minutes): the longest a person disabled in the directory keeps using their tokens.
    /// Zero asks on every use.
    /// </summary>
    public TimeSpan ExternalRecheckInterval { get; set; } = TimeSpan.FromMinutes(5);
}
