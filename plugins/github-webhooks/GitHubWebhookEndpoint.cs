using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Sources;
using SRegistry.Abstractions.Hosting;

namespace SRegistry.Plugins.GitHubWebhooks;

/// <summary>
/// <c>POST /plugins/github-webhooks/hook/{connection id}</c>: the raw body is read (up to
/// <see cref="GitHubWebhooksOptions.MaxPayloadBytes"/>) and its <c>X-Hub-Signature-256</c> checked with the
/// connection's secret before anything is parsed or stored. Then a delivery id seen before is ignored,
/// <c>ping</c> is answered, and <c>push</c> and <c>pull_request</c> events become builds.
/// </summary>
public static class GitHubWebhookEndpoint
{
    /// <summary>The route, with <c>{id}</c> for the connection id.</summary>
    public const string Route = "/plugins/github-webhooks/hook/{id}";

    /// <summary>Maps the endpoint.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/plugins/github-webhooks/hook/{id:guid}", HandleAsync)
            .WithMetadata(new PublicInPrivateModeAttribute()); // GitHub signs, it does not sign in

    private static async Task<IResult> HandleAsync(
        HttpContext context, Guid id, ISourceConnections connections, GitHubEventHandler events, IOptions<GitHubWebhooksOptions> options)
    {
        var cancellationToken = context.RequestAborted;
        var body = await WebhookBody.ReadAsync(context.Request, options.Value.MaxPayloadBytes, cancellationToken);
        if (body is null)
            return Problem(StatusCodes.Status413PayloadTooLarge, $"The webhook body is larger than {options.Value.MaxPayloadBytes} bytes (Plugins:github-webhooks:MaxPayloadBytes).");
        var connection = await connections.FindAsync(GitHubWebhooksPlugin.ProviderKey, id, cancellationToken);
        if (connection is null)
            return Problem(StatusCodes.Status404NotFound, "There is no GitHub connection with this id; copy the webhook URL from the collection's Builds page.");
        if (!WebhookSignature.IsValid(context.Request.Headers["X-Hub-Signature-256"], body, connection.Secret))
            return Problem(StatusCodes.Status401Unauthorized, "The X-Hub-Signature-256 header is missing or does not match the body: set the webhook's secret to the one shown when the repository was connected.");

        var delivery = context.Request.Headers["X-GitHub-Delivery"].ToString();
        var kind = context.Request.Headers["X-GitHub-Event"].ToString();
        if (delivery.Length is 0 or > 100 || kind.Length == 0)
            return Problem(StatusCodes.Status400BadRequest, "A GitHub delivery carries X-GitHub-Delivery (at most 100 characters) and X-GitHub-Event headers.");
        if (kind is "push" or "pull_request" && !connections.BuildsEnabled)
            return Problem(StatusCodes.Status503ServiceUnavailable, "Builds are disabled on this registry (no Builds:Provider); redeliver the webhook once an administrator enables them.");
        GitHubWork work;
        try
        {
            // Planned before the delivery is recorded: it only reads, so when GitHub cannot be asked, a redelivery tries again.
            switch (kind)
            {
                case "push":
                    var push = JsonSerializer.Deserialize<GitHubPayloads.PushEvent>(body, GitHubPayloads.Json);
                    work = push is null ? GitHubWork.None : await events.PlanPushAsync(connection, push, cancellationToken);
                    break;
                case "pull_request":
                    var pull = JsonSerializer.Deserialize<GitHubPayloads.PullRequestEvent>(body, GitHubPayloads.Json);
                    work = pull is null ? GitHubWork.None : await events.PlanPullRequestAsync(connection, pull, cancellationToken);
                    break;
                default:
                    work = GitHubWork.None;
                    break;
            }
        }
        catch (JsonException e)
        {
            return Problem(StatusCodes.Status400BadRequest, $"The {kind} payload is not the JSON GitHub sends: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            // Listing a pull request's files needs GitHub; the message names GitHub's answer, never the token.
            return Problem(StatusCodes.Status502BadGateway, $"The {kind} event could not be handled because GitHub could not be asked: {e.Message}");
        }

        if (!await connections.TryRecordDeliveryAsync(GitHubWebhooksPlugin.ProviderKey, delivery, cancellationToken))
            return Results.Ok(new { message = "Delivery already handled; ignored." });
        return kind switch
        {
            "ping" => Results.Ok(new { message = "pong" }),
            // Once recorded, the work runs to its end even if GitHub stops waiting for the answer.
            "push" or "pull_request" => Built(await events.ExecuteAsync(connection, work, CancellationToken.None)),
            _ => Results.Ok(new { message = $"The '{kind}' event does not build anything; ignored." }),
        };
    }

    private static IResult Built(IReadOnlyList<Guid> builds) => Results.Json(new { builds }, statusCode: StatusCodes.Status202Accepted);

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
