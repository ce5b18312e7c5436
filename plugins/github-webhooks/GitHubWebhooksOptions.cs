using System.ComponentModel.DataAnnotations;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>Settings of the github-webhooks plugin, bound from <c>Plugins:github-webhooks</c> and validated at start.</summary>
public sealed class GitHubWebhooksOptions
{
    /// <summary>The webhook secret shared with GitHub; every delivery's <c>X-Hub-Signature-256</c> is checked against it.</summary>
    [Required(ErrorMessage = "Set Plugins:github-webhooks:Secret to the webhook secret configured on GitHub, used to verify the X-Hub-Signature-256 of each delivery.")]
    public string Secret { get; set; } = "";
}
