using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// Test-only: a request carrying <see cref="Header"/> appears to come from that address, so one
/// test can play clients at many addresses while its traffic stays on 127.0.0.1. Register it with
/// <c>services.AddSingleton&lt;IStartupFilter, TestClientAddress&gt;()</c>.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } value] && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A made-up private IPv4 address no other test uses.</summary>
    public static string NewAddress() =>
        $"10.{Random.Shared.Next(1, 255)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
}
