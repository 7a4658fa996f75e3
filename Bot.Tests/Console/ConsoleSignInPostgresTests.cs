using System.Net;
using System.Text.RegularExpressions;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Console;

/// <summary>
/// Several instances on one PostgreSQL database count one account's failures together: failures
/// that race each other on different instances are all counted, and the lock holds at the threshold.
/// </summary>
public sealed partial class ConsoleSignInPostgresTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int LockoutThreshold = 5;

    [Fact]
    public async Task Wrong_passwords_racing_on_two_instances_lock_the_account_at_the_threshold()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ChatBot"] = await postgres.CreateDatabaseAsync(),
        };

        // A password check that takes a while, as PBKDF2 does on a busy server: the failures overlap.
        static void Services(IServiceCollection s)
        {
            s.AddSingleton<IPasswordHasher<Officer>, SlowPasswordHasher>();
        }

        await using var first = await TestHost.StartAsync(settings: settings, services: Services);
        await using var second = await TestHost.StartAsync(settings: settings, services: Services);
        var officer = await ConsoleClient.CreateOfficerAsync(first, OfficerRole.ServiceOfficer);

        var clients = Enumerable.Range(0, 20).Select(i => ConsoleClient.For(i % 2 == 0 ? first : second, PretendRemoteAddress.NewAddress())).ToList();
        try
        {
            var tokens = await Task.WhenAll(clients.Select(c => c.TokenAsync("/console/masuk")));
            var answers = await Task.WhenAll(clients.Select(async (client, i) =>
            {
                using var response = await client.PostFormAsync(
                    "/console/masuk",
                    [new("Input.UserName", officer.UserName), new("Input.Password", "salah-sandi-" + i), new("__RequestVerificationToken", tokens[i])],
                    withToken: false);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                return ErrorPattern().Match(await ConsoleClient.TextAsync(response)).Groups[1].Value.Trim();
            }));

            var wrong = answers.Count(a => a == "Nama pengguna atau kata sandi salah.");
            Assert.True(wrong < LockoutThreshold, $"{wrong} wrong-password answers before the lock (threshold {LockoutThreshold})");
            Assert.Equal(answers.Length - wrong, answers.Count(a => a.StartsWith("Akun dikunci sementara", StringComparison.Ordinal)));

            await using var db = first.Store.CreateDbContext();
            var actions = await db.AuditEntries.Where(a => a.Actor == officer.UserName).Select(a => a.Action).ToListAsync();
            Assert.Equal(wrong, actions.Count(a => a == "officer.signin.failed"));
            Assert.Single(actions, a => a == "officer.lockout");
            Assert.NotNull((await db.Officers.AsNoTracking().SingleAsync(o => o.Id == officer.Id)).LockedUntil);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [GeneratedRegex("<p class=\"alert alert-error\" role=\"alert\" id=\"signin-error\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();

    private sealed class SlowPasswordHasher : IPasswordHasher<Officer>
    {
        private readonly PasswordHasher<Officer> _inner = new();

        public string HashPassword(Officer user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Officer user, string hashedPassword, string providedPassword)
        {
            Thread.Sleep(50);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
