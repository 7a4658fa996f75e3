using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// Test traffic never leaves 127.0.0.1, yet some rules depend on where a client connects from. The
/// test host lets a request say which remote address the service should see, in this header
/// (first in the pipeline, before anything reads the address). Only the test host has this.
/// </summary>
public sealed class PretendRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            await nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A made-up private IPv4 address no other test uses.</summary>
    public static string NewAddress() =>
        $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
}
