using Serilog;
using Serilog.Events;

namespace ChatBot.Bot.Hosting;

/// <summary>
/// A request the client gave up on (a tab closed, a live refresh replaced, a phone out of signal) is
/// not a server error: it is logged at Debug, without a stack trace, and answers nobody.
/// </summary>
public static class AbortedRequests
{
    /// <summary>Status recorded for a request whose client went away (nginx's convention; never sent).</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>Request logging (one line a request) that knows aborted requests from failures.</summary>
    public static IApplicationBuilder UseChatBotRequestLogging(this IApplicationBuilder app)
    {
        app.UseSerilogRequestLogging(o => o.GetLevel = Level);
        // Inside the request log, so it sees the request end quietly instead of an exception.
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = ClientClosedRequest;
                }
            }
        });
    }

    internal static LogEventLevel Level(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        context.RequestAborted.IsCancellationRequested ? LogEventLevel.Debug
        : exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : LogEventLevel.Information;
}
