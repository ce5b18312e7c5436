using SRegistry.Core.Catalog;
using SRegistry.Core.Robots;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary>
/// <c>…/collections/{entity}/{collection}/robots</c> and <c>/teams/{team}/robots</c>: robot accounts for
/// continuous integration, made, listed and revoked by the owners (see <see cref="RobotAccounts"/>).
/// </summary>
public static class RobotEndpoints
{
    public static RouteGroupBuilder MapApiRobots(this RouteGroupBuilder api)
    {
        var collection = api.MapGroup(CollectionEndpoints.Path + "/robots").WithTags("Robots");
        collection.MapGet("", async (HttpContext context, string entity, string collection, CollectionCatalog catalog, RobotAccounts robots) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            return ApiResults.From(await robots.ListForCollectionAsync(found.Value.Id, caller, context.RequestAborted), caller, list => list.Select(ApiRobot.From).ToList());
        }).WithSummary("List a collection's robots, revoked ones included (owners)").Produces<List<ApiRobot>>();

        collection.MapPost("", async (HttpContext context, string entity, string collection, CreateRobotRequest body, CollectionCatalog catalog, RobotAccounts robots) =>
        {
            var caller = context.Caller();
            var found = await catalog.GetCollectionAsync(entity, collection, caller, context.RequestAborted);
            if (!found.Succeeded) return ApiResults.Failure(found.Error, found.Message, caller);
            var created = await robots.CreateForCollectionAsync(found.Value.Id, body.Name, body.Scopes ?? [], body.ExpiresAt, caller, context.RequestAborted);
            return ApiResults.From(created, caller, Created, StatusCodes.Status201Created);
        }).WithSummary("Make a robot for the collection; its token's secret is in this answer only (owners)").Produces<ApiCreatedRobot>(StatusCodes.Status201Created);

        collection.MapDelete("/{name}", async (HttpContext context, string entity, string collection, string name, RobotAccounts robots) =>
        {
            var caller = context.Caller();
            return ApiResults.NoContent(await robots.RevokeAsync(RobotNames.ForCollection(entity, collection, name), caller, context.RequestAborted), caller);
        }).WithSummary("Revoke a collection's robot: its token stops working at once (owners)").Produces(StatusCodes.Status204NoContent);

        var team = api.MapGroup("/teams/{team}/robots").WithTags("Robots");
        team.MapGet("", async (HttpContext context, string team, RobotAccounts robots) =>
        {
            var caller = context.Caller();
            return ApiResults.From(await robots.ListForTeamAsync(team, caller, context.RequestAborted), caller, list => list.Select(ApiRobot.From).ToList());
        }).WithSummary("List a team's robots, revoked ones included (team owners)").Produces<List<ApiRobot>>();

        team.MapPost("", async (HttpContext context, string team, CreateRobotRequest body, RobotAccounts robots) =>
        {
            var caller = context.Caller();
            var created = await robots.CreateForTeamAsync(team, body.Name, body.Scopes ?? [], body.ExpiresAt, caller, context.RequestAborted);
            return ApiResults.From(created, caller, Created, StatusCodes.Status201Created);
        }).WithSummary("Make a robot for the team's collections; its token's secret is in this answer only (team owners)").Produces<ApiCreatedRobot>(StatusCodes.Status201Created);

        team.MapDelete("/{name}", async (HttpContext context, string team, string name, RobotAccounts robots) =>
        {
            var caller = context.Caller();
            return ApiResults.NoContent(await robots.RevokeAsync(RobotNames.ForTeam(team, name), caller, context.RequestAborted), caller);
        }).WithSummary("Revoke a team's robot: its token stops working at once (team owners)").Produces(StatusCodes.Status204NoContent);
        return api;
    }

    private static ApiCreatedRobot Created(CreatedRobot created) =>
        new(ApiRobot.From(new RobotAccount(created.Robot, [created.Token.Token])), created.Token.Secret);
}
