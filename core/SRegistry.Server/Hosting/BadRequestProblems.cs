using System.Text.Json;

namespace SRegistry.Server.Hosting;

/// <summary>
/// Turns requests that model binding cannot read (malformed JSON, a missing Content-Type, a query value
/// of the wrong type) into problem details that say what is wrong, instead of an empty 400 or 415.
/// Binding is told to throw (<see cref="AddBadRequestProblems"/>) so the reason is not lost.
/// </summary>
public static class BadRequestProblems
{
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    public static IApplicationBuilder UseBadRequestProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (!context.Response.HasStarted)
            {
                var detail = e.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? "The request body must be JSON: send it with 'Content-Type: application/json'."
                    : e.InnerException is JsonException json ? $"{e.Message} {json.Message}" : e.Message;
                await Problem(e.StatusCode, detail).ExecuteAsync(context);
            }
        });

    private static IResult Problem(int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = "invalid_request" });
}
