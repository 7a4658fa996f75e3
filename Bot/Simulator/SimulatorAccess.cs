using System.Net;
using ChatBot.Bot.OfficerConsole.Auth;
using Microsoft.AspNetCore.Authentication;

namespace ChatBot.Bot.Simulator;

/// <summary>
/// Who may reach the simulator at all: a client on this machine, or an officer signed in to the
/// console. The simulator writes real records (bookings take real slots), so on a public
/// deployment anyone else gets 404 for the page and every API route, as if it did not exist.
/// </summary>
public static class SimulatorAccess
{
    /// <summary>
    /// Headers a reverse proxy, a CDN or a load balancer adds. A proxy on this machine connects from
    /// loopback for every visitor, so a request that passed through one is not counted as local.
    /// </summary>
    private static readonly string[] ProxyHeaders =
    [
        "Forwarded", "Via", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port", "X-Real-IP",
        "X-Original-For", "CF-Connecting-IP", "True-Client-IP", "X-Client-IP", "X-Cluster-Client-IP",
    ];

    /// <summary>
    /// The names a browser on this machine uses for it. Any other Host on a loopback connection is a
    /// page that had its own name resolve to 127.0.0.1 (DNS rebinding) or a proxy that adds no header.
    /// </summary>
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// The connection comes from loopback (IPv4, IPv6 or IPv4-mapped), names this machine as its host
    /// (any port) and did not pass through a proxy.
    /// </summary>
    public static bool IsLocal(HttpContext context)
    {
        // IsLoopback covers 127.0.0.0/8, ::1 and the IPv4-mapped ::ffff:127.x.y.z a dual-stack socket reports.
        var address = context.Connection.RemoteIpAddress;
        return address is not null
            && IPAddress.IsLoopback(address)
            && LoopbackHosts.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase)
            && !ProxyHeaders.Any(context.Request.Headers.ContainsKey);
    }

    public static async Task<bool> IsAllowedAsync(HttpContext context) =>
        IsLocal(context) || (await context.AuthenticateAsync(ConsoleClaims.Scheme)).Succeeded;

    /// <summary>Answers 404 to every <c>/simulator</c> request from a client that may not use it.</summary>
    public static void UseSimulatorAccess(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(SimulatorEndpoints.BasePath, StringComparison.OrdinalIgnoreCase)
                && !await IsAllowedAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
}
