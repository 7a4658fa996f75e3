using System.Text.Encodings.Web;
using System.Text.Unicode;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Bot.OfficerConsole.Dashboard;
using ChatBot.Bot.OfficerConsole.Live;
using ChatBot.Domain.Officers;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>
/// The officer console: Razor Pages under <c>Bot/Console</c> (served at <c>/console</c>), cookie
/// sign-in, role policies, security headers, its static files and the live event stream.
/// </summary>
public static class ConsoleSetup
{
    /// <summary>Every console URL starts with this (routing is case-insensitive; links use lower case).</summary>
    public const string BasePath = "/console";

    public const string SignInPath = "/console/masuk";

    public const string DeniedPath = "/console/ditolak";

    public const string EventsPath = "/console/events";

    public const string ApiPath = "/console/api";

    /// <summary>204 while the sign-in is valid, 401 after; never extends the session.</summary>
    public const string SessionPath = "/console/api/session";

    /// <summary>Where the files of <c>Bot/Web/console</c> are served.</summary>
    public const string AssetsPath = "/console/assets";

    public const string CookieName = "chatbot.console";

    /// <summary>
    /// Sent by the console's scripts on requests the officer did not make (live refreshes): such
    /// requests get 401 instead of a redirect and do not extend the session.
    /// </summary>
    public const string BackgroundHeader = "X-Console-Background";

    public static WebApplicationBuilder AddOfficerConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = Hosting.SettingsCheck.Bind<ConsoleOptions>(builder.Configuration, ConsoleOptions.Section);

        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
            {
                // Pages live in Bot/Console, so /Console/Index.cshtml answers at /console.
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/Console", ConsoleClaims.OfficerPolicy);
                o.Conventions.AllowAnonymousToPage("/Console/Masuk");
                o.Conventions.AllowAnonymousToPage("/Console/Ditolak");
                o.Conventions.AllowAnonymousToPage("/Console/Galat");
            })
            .AddMvcOptions(o => o.Filters.Add<Live.KeepNoticesForLiveFragments>())
            .ConfigureApplicationPartManager(parts =>
            {
                // The pages are compiled into this assembly; a host started from another entry
                // assembly (the tests) would not find them on its own.
                var assembly = typeof(ConsoleSetup).Assembly;
                if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
                {
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            })
            .AddRazorOptions(o =>
            {
                o.PageViewLocationFormats.Add("/Console/Shared/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Console/Shared/{0}" + RazorViewEngine.ViewExtension);
            })
            .AddCookieTempDataProvider(o =>
            {
                o.Cookie.Name = CookieName + ".tempdata";
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.IsEssential = true;
            });

        // Indonesian text, dashes and arrows are written as they are, not as numeric character references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieName + ".af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
            o.HeaderName = "X-CSRF-TOKEN";
            // The console's own header says DENY; antiforgery would otherwise add SAMEORIGIN.
            o.SuppressXFrameOptionsHeader = true;
        });

        services.AddSingleton<OfficerSessions>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<ConsoleAuditLog>();
        services.AddSingleton<OfficeScope>();
        services.AddSingleton<ConversationAccess>();
        services.AddSingleton<Requests.RequestPages>();
        services.AddSingleton<ConsoleNavigation>();
        services.AddSingleton<AuditText>();
        services.AddSingleton<ConsoleErrors>();
        services.AddSingleton<DashboardFigures>();
        services.AddHostedService<PipelineEventRelay>();

        services.AddAuthentication(ConsoleClaims.Scheme)
            .AddCookie(ConsoleClaims.Scheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.IsEssential = true;
                o.LoginPath = SignInPath;
                o.LogoutPath = "/console/keluar";
                o.AccessDeniedPath = DeniedPath;
                o.ExpireTimeSpan = options.SessionTimeout;
                o.SlidingExpiration = true;
                o.EventsType = typeof(ConsoleCookieEvents);
            });
        services.AddSingleton<ConsoleCookieEvents>();

        string[] everyRole = [.. Enum.GetNames<OfficerRole>()];
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleClaims.OfficerPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme).RequireAuthenticatedUser())
            .AddPolicy(ConsoleClaims.AdminPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme).RequireRole(nameof(OfficerRole.Admin)))
            .AddPolicy(ConsoleClaims.AuditPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Admin), nameof(OfficerRole.Kepala)))
            .AddPolicy(ConsoleClaims.LitmasPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Pk), nameof(OfficerRole.Kepala), nameof(OfficerRole.Admin)))
            .AddPolicy(ConsoleClaims.ClientsPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole([.. Enum.GetValues<OfficerRole>().Where(Domain.Clients.ClientRegister.MayOpen).Select(r => r.ToString())]))
            .AddPolicy(ConsoleClaims.HandoverPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme).RequireRole(everyRole))
            .AddPolicy(ConsoleClaims.IdentityPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Kepala), nameof(OfficerRole.ServiceOfficer)))
            .AddPolicy(ConsoleClaims.VisitsPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Admin), nameof(OfficerRole.Kepala), nameof(OfficerRole.VisitOfficer)))
            .AddPolicy(ConsoleClaims.IntegrationPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Admin), nameof(OfficerRole.Kepala), nameof(OfficerRole.ServiceOfficer)))
            .AddPolicy(ConsoleClaims.PermitPolicy, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole([.. Flows.TravelPermit.TravelPermitRequests.Viewers.Select(r => r.ToString())]))
            .AddPolicy(Complaints.ComplaintPolicies.Complaints, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme).RequireRole(everyRole))
            .AddPolicy(Complaints.ComplaintPolicies.Reporter, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Kepala), nameof(OfficerRole.ServiceOfficer)))
            .AddPolicy(Abh.AbhPolicies.Handling, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole([.. Domain.Abh.AbhRules.HandlingRoles.Select(r => r.ToString())]))
            .AddPolicy(Outreach.OutreachPolicies.Outreach, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole([.. Domain.Outreach.OutreachRules.Viewers.Select(r => r.ToString())]))
            .AddPolicy(Abh.AbhPolicies.Roster, p => p.AddAuthenticationSchemes(ConsoleClaims.Scheme)
                .RequireRole(nameof(OfficerRole.Admin), nameof(OfficerRole.Kepala), nameof(OfficerRole.Kasubsi)));
        AddConversationCases(services);
        services.AddSingleton<Complaints.ComplaintQueries>();
        services.AddSingleton<Visits.VisitDesk>();
        services.AddSingleton<Clients.ClientPages>();
        services.AddSingleton<Outbox.FailedMessages>();
        services.AddSingleton<DashboardWork>();
        services.AddSingleton<Abh.AbhAlarm>();

        return builder;
    }

    /// <summary>
    /// Which conversations belong to which service's cases, and the policy that may see them
    /// (<see cref="ConversationAccess"/>): the console decides this, the flows know nothing of it.
    /// </summary>
    private static void AddConversationCases(IServiceCollection services)
    {
        services.AddSingleton(new ConversationCase(
            "kunjungan video call", ConsoleClaims.VisitsPolicy, Flows.VisitBooking.VisitBookingDialog.DialogId, db => db.Visits.Select(v => v.ConversationId)));
        services.AddSingleton(new ConversationCase(
            "litmas", ConsoleClaims.LitmasPolicy, Bot.Dialogs.WellKnownDialogs.LitmasStatus, db => db.LitmasSubscriptions.Select(s => s.ConversationId)));
        services.AddSingleton(new ConversationCase(
            "permohonan informasi integrasi",
            ConsoleClaims.IntegrationPolicy,
            Bot.Dialogs.WellKnownDialogs.IntegrationInfo,
            db => db.IntegrationRequests.Where(r => r.ConversationId != null).Select(r => r.ConversationId!.Value)));
        services.AddSingleton(new ConversationCase(
            "permohonan izin ke luar kota",
            ConsoleClaims.PermitPolicy,
            Flows.TravelPermit.TravelPermitDialog.DialogId,
            db => db.TravelPermits.Where(p => p.ConversationId != null).Select(p => p.ConversationId!.Value)));
        // A complaint's reporter data is for the head and the desk; so is the conversation that filed it.
        services.AddSingleton(new ConversationCase(
            "pengaduan",
            Complaints.ComplaintPolicies.Reporter,
            Flows.Complaint.ComplaintDialog.DialogId,
            db => db.Complaints.Select(c => c.ConversationId),
            db => db.Complaints.Where(c => c.Anonymous).Select(c => c.ConversationId),
            (db, role, officerId) => db.Complaints.Where(Domain.Complaints.ComplaintRules.HiddenFrom(role, officerId)).Select(c => c.ConversationId)));
        // A child's initials, age and alleged offence were typed in an ABH request's conversation.
        services.AddSingleton(new ConversationCase(
            "pendampingan ABH",
            Abh.AbhPolicies.Handling,
            Flows.Abh.AbhFormDialog.DialogId,
            db => db.AbhRequests.Where(r => r.ConversationId != null).Select(r => r.ConversationId!.Value)));
        // The contact person of an outreach request typed their name, phone and e-mail there.
        services.AddSingleton(new ConversationCase(
            "permohonan penyuluhan",
            Outreach.OutreachPolicies.Outreach,
            Flows.Outreach.OutreachFormDialog.DialogId,
            db => db.OutreachRequests.Where(r => r.ConversationId != null).Select(r => r.ConversationId!.Value)));
    }

    /// <summary>
    /// Adds the console's middleware and endpoints. Call before any other endpoint is mapped:
    /// it places routing, authentication and authorization in the pipeline.
    /// </summary>
    public static void UseOfficerConsole(this WebApplication app, string webRoot)
    {
        app.UseMiddleware<ConsoleSecurityHeaders>();
        ConsoleErrors.Use(app);
        var assets = Path.Combine(webRoot, "console");
        Directory.CreateDirectory(assets);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(assets),
            RequestPath = AssetsPath,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapGet(EventsPath, ConsoleEventStream.StreamAsync).RequireAuthorization(ConsoleClaims.OfficerPolicy);
        app.MapGet(SessionPath, () => Results.NoContent()).RequireAuthorization(ConsoleClaims.OfficerPolicy);
    }

    /// <summary>True for requests that get a status code instead of a redirect to the sign-in page.</summary>
    internal static bool IsBackground(HttpRequest request) =>
        request.Path.StartsWithSegments(EventsPath, StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments(ApiPath, StringComparison.OrdinalIgnoreCase)
        || request.Headers.ContainsKey(BackgroundHeader);
}
