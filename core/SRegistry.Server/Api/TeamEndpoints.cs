using SRegistry.Core.Domain;
using SRegistry.Core.Teams;
using SRegistry.Server.Api.Models;

namespace SRegistry.Server.Api;

/// <summary><c>/api/v1/teams</c>: teams and their members, for signed-in users.</summary>
public static class TeamEndpoints
{
    public static RouteGroupBuilder MapApiTeams(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams");
        teams.MapGet("", async (HttpContext context, bool? mine, TeamService service, [AsParameters] ApiPaging paging) =>
        {
            if (!paging.TryGetRequest(out var page, out var error)) return ApiResults.Invalid(error);
            var found = await service.ListAsync(context.Caller(), mine ?? false, page, context.RequestAborted);
            return found.Succeeded ? ApiResults.Page(context, found.Value, ApiTeam.From) : ApiResults.Failure(found.Error, found.Message, context.Caller());
        }).WithSummary("List teams, or with mine=true only yours").Produces<ApiPage<ApiTeam>>();

        teams.MapPost("", async (HttpContext context, CreateTeamRequest body, TeamService service) =>
            ApiResults.From(await service.CreateAsync(body.Name, body.Description, context.Caller(), context.RequestAborted), context.Caller(), ApiTeam.From, StatusCodes.Status201Created))
            .WithSummary("Create a team; you become its owner").Produces<ApiTeam>(StatusCodes.Status201Created);

        teams.MapGet("/{team}", async (HttpContext context, string team, TeamService service) =>
            ApiResults.From(await service.GetAsync(team, context.Caller(), context.RequestAborted), context.Caller(), ApiTeam.From))
            .WithSummary("Get a team with its members").Produces<ApiTeam>();

        teams.MapDelete("/{team}", async (HttpContext context, string team, TeamService service) =>
            ApiResults.NoContent(await service.DeleteAsync(team, context.Caller(), context.RequestAborted), context.Caller()))
            .WithSummary("Delete a team (owners; refused while it owns an entity)").Produces(StatusCodes.Status204NoContent);

        teams.MapPut("/{team}/members/{user}", async (HttpContext context, string team, string user, SetTeamMemberRequest body, TeamService service) =>
        {
            if (!ApiEnum.TryParse<TeamRole>(body.Role, out var role)) return ApiResults.Invalid($"The role '{body.Role}' is not known; use 'owner' or 'member'.");
            return ApiResults.From(await service.SetMemberAsync(team, user, role, context.Caller(), context.RequestAborted), context.Caller(), ApiTeamMember.From);
        }).WithSummary("Add a user to a team or change their role (team owners)").Produces<ApiTeamMember>();

        teams.MapDelete("/{team}/members/{user}", async (HttpContext context, string team, string user, TeamService service) =>
            ApiResults.NoContent(await service.RemoveMemberAsync(team, user, context.Caller(), context.RequestAborted), context.Caller()))
            .WithSummary("Remove a user from a team (team owners, or the user leaving)").Produces(StatusCodes.Status204NoContent);
        return api;
    }
}
