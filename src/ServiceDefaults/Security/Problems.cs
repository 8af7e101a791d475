using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Directive58.ServiceDefaults.Security;

/// <summary>Writes RFC 9457 problem details where no endpoint result is available (auth challenges, limits).</summary>
public static class Problems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null, contentType: "application/problem+json");
    }
}
