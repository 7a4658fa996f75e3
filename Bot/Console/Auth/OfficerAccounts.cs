using System.Text.RegularExpressions;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Auth;

/// <summary>How a sign-in attempt ended.</summary>
public abstract record SignInOutcome
{
    public sealed record Success(Officer Officer) : SignInOutcome;

    /// <summary>Unknown name or wrong password (the two are never told apart).</summary>
    public sealed record Failed : SignInOutcome;

    public sealed record LockedOut(DateTime Until) : SignInOutcome;
}

/// <summary>
/// Officer accounts: creation with a password policy, and sign-in with lock-out after repeated
/// failures. Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher; every sign-in,
/// failure and lock-out is written to the audit log.
/// </summary>
public sealed partial class OfficerAccounts(ChatBotDbFactory factory, ConsoleOptions options, TimeProvider time)
{
    private static readonly PasswordHasher<Officer> Hasher = new();

    /// <summary>A hash of a throw-away password, verified when the name is unknown so both cases take as long.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    /// <summary>Why a new account or password is refused, in Indonesian for the console; null when acceptable.</summary>
    public string? CheckPassword(string userName, string password)
    {
        if (password.Length < options.MinimumPasswordLength)
        {
            return $"Kata sandi minimal {options.MinimumPasswordLength} karakter.";
        }

        if (password.Distinct().Count() < 4)
        {
            return "Kata sandi terlalu mudah ditebak.";
        }

        return password.Contains(userName, StringComparison.OrdinalIgnoreCase) ? "Kata sandi tidak boleh memuat nama pengguna." : null;
    }

    public static string? CheckUserName(string userName) =>
        UserNamePattern().IsMatch(userName) ? null : "Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.";

    /// <summary>Creates an account; throws <see cref="ArgumentException"/> with the reason when refused.</summary>
    public async Task<Officer> CreateAsync(
        string userName,
        string displayName,
        OfficerRole role,
        int officeId,
        string password,
        string actor,
        CancellationToken cancellationToken)
    {
        userName = userName.Trim().ToLowerInvariant();
        var problem = CheckUserName(userName) ?? CheckPassword(userName, password);
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        await using var db = factory.CreateDbContext();
        if (await db.Officers.AnyAsync(o => o.UserName == userName, cancellationToken))
        {
            throw new ArgumentException($"Nama pengguna '{userName}' sudah dipakai.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var officer = new Officer
        {
            UserName = userName,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(),
            Role = role,
            OfficeId = officeId,
            PasswordHash = "",
            CreatedAt = now,
        };
        officer.PasswordHash = Hasher.HashPassword(officer, password);
        db.Officers.Add(officer);
        db.AuditEntries.Add(new AuditEntry { At = now, Actor = actor, Action = "officer.create", Subject = $"Officer/{userName}", Details = role.ToString() });
        using (await factory.Gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return officer;
    }

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        userName = (userName ?? "").Trim().ToLowerInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.UserName == userName && o.Active, cancellationToken);
        if (officer is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash, password ?? "");
            await AuditAsync(db, now, userName, "officer.signin.failed", "unknown account", cancellationToken);
            return new SignInOutcome.Failed();
        }

        if (officer.LockedUntil is { } until && until > now)
        {
            await AuditAsync(db, now, userName, "officer.signin.locked", null, cancellationToken);
            return new SignInOutcome.LockedOut(until);
        }

        var verified = Hasher.VerifyHashedPassword(officer, officer.PasswordHash, password ?? "");
        if (verified == PasswordVerificationResult.Failed)
        {
            officer.FailedSignIns++;
            var locked = officer.FailedSignIns >= options.LockoutThreshold;
            if (locked)
            {
                officer.LockedUntil = now + options.LockoutDuration;
                officer.FailedSignIns = 0;
            }

            await AuditAsync(db, now, userName, locked ? "officer.lockout" : "officer.signin.failed", null, cancellationToken);
            return locked ? new SignInOutcome.LockedOut(officer.LockedUntil!.Value) : new SignInOutcome.Failed();
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            officer.PasswordHash = Hasher.HashPassword(officer, password!);
        }

        officer.FailedSignIns = 0;
        officer.LockedUntil = null;
        officer.LastSignInAt = now;
        await AuditAsync(db, now, userName, "officer.signin", null, cancellationToken);
        return new SignInOutcome.Success(officer);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Officers.AnyAsync(o => o.Role == OfficerRole.Admin && o.Active, cancellationToken);
    }

    private async Task AuditAsync(ChatBotDb db, DateTime now, string actor, string action, string? details, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry { At = now, Actor = actor.Length == 0 ? "-" : actor[..Math.Min(actor.Length, 64)], Action = action, Details = details });
        using (await factory.Gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserNamePattern();
}
