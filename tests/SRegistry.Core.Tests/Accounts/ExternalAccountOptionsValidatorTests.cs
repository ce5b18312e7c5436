using SRegistry.Core.Accounts;

namespace SRegistry.Core.Tests.Accounts;

public sealed class ExternalAccountOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new ExternalAccountOptionsValidator().Validate(null, new ExternalAccountOptions()).Succeeded);

    [Fact]
    public void Validate_InvalidTeamName_NamesTheGroupAndTheRule()
    {
        var options = new ExternalAccountOptions();
        options.ExternalGroups.Teams["Developers"] = "Dev Team";

        var result = new ExternalAccountOptionsValidator().Validate(null, options);

        Assert.Contains("Accounts:ExternalGroups:Teams:Developers", result.FailureMessage);
        Assert.Contains("team name", result.FailureMessage);
    }

    [Fact]
    public void Validate_NegativeInterval_IsRefused()
    {
        var options = new ExternalAccountOptions { ExternalRecheckInterval = TimeSpan.FromSeconds(-1) };

        Assert.Contains("ExternalRecheckInterval", new ExternalAccountOptionsValidator().Validate(null, options).FailureMessage);
    }
}
