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

    /// <summary>Too many failures in a row for this name, whether an account has it or not.</summary>
    public sealed record LockedOut(DateTime Until) : SignInOutcome;
}

/// <summary>
/// Officer accounts: creation with a password policy, and sign-in with lock-out after repeated
/// failures. Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher; every sign-in,
/// failure and lock-out is written to the audit log, under the officer's name only when the name
/// belongs to an account (a name nobody has may be a typo or an attacker's list).
/// <para>
/// A name no active account has answers exactly as an account would, in text and in work done:
/// each attempt verifies one password hash and writes one audit row, and after
/// <see cref="ConsoleOptions.LockoutThreshold"/> failures the name is "locked" for
/// <see cref="ConsoleOptions.LockoutDuration"/> like an account (<see cref="UnknownNameLockouts"/>).
/// </para>
/// </summary>
public sealed partial class OfficerAccounts(ChatBotDbFactory factory, ConsoleOptions options, TimeProvider time, IPasswordHasher<Officer> hasher)
{
    private readonly UnknownNameLockouts _unknownNames = new(options);

    /// <summary>A hash of a throw-away password, verified when the name is unknown so both cases take as long.</summary>
    private readonly string _dummyHash = hasher.HashPassword(null!, Guid.NewGuid().ToString());

    /// <summary>How sign-in compares user names: trimmed, lower case.</summary>
    public static string NormalizeUserName(string? userName) => (userName ?? "").Trim().ToLowerInvariant();

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
        officer.PasswordHash = hasher.HashPassword(officer, password);
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
        userName = NormalizeUserName(userName);
        password ??= "";
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.UserName == userName && o.Active, cancellationToken);
        if (officer is null)
        {
            hasher.VerifyHashedPassword(null!, _dummyHash, password);
            var lockedUntil = _unknownNames.Fail(userName, now);
            await AuditAsync(db, now, "-", "officer.signin.failed", "unknown account", cancellationToken);
            return lockedUntil is { } end ? new SignInOutcome.LockedOut(end) : new SignInOutcome.Failed();
        }

        if (officer.LockedUntil is { } until && until > now)
        {
            // Verified and ignored: a locked account costs what every other answer costs, and
            // even the right password does not open it.
            hasher.VerifyHashedPassword(officer, officer.PasswordHash, password);
            await AuditAsync(db, now, userName, "officer.signin.locked", null, cancellationToken);
            return new SignInOutcome.LockedOut(until);
        }

        var verified = hasher.VerifyHashedPassword(officer, officer.PasswordHash, password);
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
            officer.PasswordHash = hasher.HashPassword(officer, password);
        }

        officer.FailedSignIns = 0;
        officer.LockedUntil = null;
        officer.LastSignInAt = now;
        await AuditAsync(db, now, userName, "officer.signin", null, cancellationToken);
        return new SignInOutcome.Success(officer);
    }

    /// <summary>
    /// Ends every open session of the officer: a new security stamp makes each cookie issued so far
    /// fail its next request (<see cref="OfficerSessions"/>). Signing out calls it; so must anything
    /// that disables an account or resets its password. Written to the audit log as <paramref name="action"/>.
    /// </summary>
    public async Task EndSessionsAsync(int officerId, string actor, string action, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken);
        if (officer is null)
        {
            return;
        }

        officer.SecurityStamp = Guid.NewGuid().ToString("N");
        await AuditAsync(db, now, actor, action, null, cancellationToken);
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
