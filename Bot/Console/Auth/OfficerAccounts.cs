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
    public Task<Officer> CreateAsync(
        string userName,
        string displayName,
        OfficerRole role,
        int officeId,
        string password,
        string actor,
        CancellationToken cancellationToken) =>
        CreateAsync(userName, displayName, role, officeId, password, new OfficerContact(), actor, cancellationToken);

    /// <summary>Creates an account with where its on-duty alerts go; throws <see cref="ArgumentException"/> with the reason when refused.</summary>
    public async Task<Officer> CreateAsync(
        string userName,
        string displayName,
        OfficerRole role,
        int officeId,
        string password,
        OfficerContact contact,
        string actor,
        CancellationToken cancellationToken)
    {
        userName = userName.Trim().ToLowerInvariant();
        var problem = CheckUserName(userName) ?? CheckPassword(userName, password);
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        var phone = NormalizePhone(contact.Phone);
        var email = NormalizeEmail(contact.Email);

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
            Phone = phone,
            Email = email,
            CreatedAt = now,
        };
        officer.PasswordHash = hasher.HashPassword(officer, password);
        db.Officers.Add(officer);
        db.AuditEntries.Add(AuditEntry.Of(actor, "officer.create", $"Officer/{userName}", now, role.ToString()));
        await SaveAsync(db, cancellationToken);

        return officer;
    }

    /// <summary>
    /// Checks the password and answers; a failure counts towards the account's lock-out. The count
    /// and the lock live in the store and change only by conditional updates, so failures that race
    /// each other (on this instance or another on the same database) are each counted and the lock
    /// falls exactly at <see cref="ConsoleOptions.LockoutThreshold"/>; a success racing them opens
    /// nothing once they have locked the account.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        userName = NormalizeUserName(userName);
        password ??= "";
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.UserName == userName && o.Active, cancellationToken);
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
        return verified == PasswordVerificationResult.Failed
            ? await CountFailureAsync(db, officer, now, cancellationToken)
            : await SucceedAsync(db, officer, password, verified, now, cancellationToken);
    }

    /// <summary>
    /// One statement adds the failure to the account's count, unless the account is locked, and
    /// locks it when the count reaches the threshold (the count then starts again). Both databases
    /// evaluate the new values from the row as it is when the statement runs, after any concurrent
    /// update of it has committed, so no failure is lost and only one of them locks. Within the same
    /// transaction the row, still held by this update, says how it ended.
    /// </summary>
    private async Task<SignInOutcome> CountFailureAsync(ChatBotDb db, Officer officer, DateTime now, CancellationToken cancellationToken)
    {
        var threshold = options.LockoutThreshold;
        DateTime? lockUntil = now + options.LockoutDuration;
        await using var write = await factory.BeginWriteAsync(db, cancellationToken);
        var counted = await db.Officers
            .Where(o => o.Id == officer.Id && (o.LockedUntil == null || o.LockedUntil <= now))
            .ExecuteUpdateAsync(
                u => u
                    .SetProperty(o => o.FailedSignIns, o => o.FailedSignIns + 1 >= threshold ? 0 : o.FailedSignIns + 1)
                    .SetProperty(o => o.LockedUntil, o => o.FailedSignIns + 1 >= threshold ? lockUntil : o.LockedUntil),
                cancellationToken);
        var lockedUntil = await db.Officers.Where(o => o.Id == officer.Id).Select(o => o.LockedUntil).SingleAsync(cancellationToken);
        var locked = lockedUntil > now;
        var action = counted == 0 ? "officer.signin.locked" : locked ? "officer.lockout" : "officer.signin.failed";
        db.AuditEntries.Add(AuditEntry.Of(officer.UserName, action, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return locked ? new SignInOutcome.LockedOut(lockedUntil!.Value) : new SignInOutcome.Failed();
    }

    /// <summary>Clears the count and records the sign-in, unless failures racing this attempt locked the account first.</summary>
    private async Task<SignInOutcome> SucceedAsync(
        ChatBotDb db,
        Officer officer,
        string password,
        PasswordVerificationResult verified,
        DateTime now,
        CancellationToken cancellationToken)
    {
        await using var write = await factory.BeginWriteAsync(db, cancellationToken);
        var opened = await db.Officers
            .Where(o => o.Id == officer.Id && o.Active && (o.LockedUntil == null || o.LockedUntil <= now))
            .ExecuteUpdateAsync(
                u => u
                    .SetProperty(o => o.FailedSignIns, 0)
                    .SetProperty(o => o.LockedUntil, (DateTime?)null)
                    .SetProperty(o => o.LastSignInAt, now),
                cancellationToken);
        if (opened == 0)
        {
            var lockedUntil = await db.Officers.Where(o => o.Id == officer.Id).Select(o => o.LockedUntil).SingleAsync(cancellationToken);
            var locked = lockedUntil > now;
            db.AuditEntries.Add(AuditEntry.Of(officer.UserName, locked ? "officer.signin.locked" : "officer.signin.failed", null, now));
            await db.SaveChangesAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
            return locked ? new SignInOutcome.LockedOut(lockedUntil!.Value) : new SignInOutcome.Failed();
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Only over the hash just verified: a password changed meanwhile stays changed.
            var rehashed = hasher.HashPassword(officer, password);
            await db.Officers
                .Where(o => o.Id == officer.Id && o.PasswordHash == officer.PasswordHash)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.PasswordHash, rehashed), cancellationToken);
        }

        db.AuditEntries.Add(AuditEntry.Of(officer.UserName, "officer.signin", null, now));
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        officer.FailedSignIns = 0;
        officer.LockedUntil = null;
        officer.LastSignInAt = now;
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

    /// <summary>
    /// An officer's telephone for on-duty alerts in E.164 (as the bot reads numbers), null when none is given;
    /// throws <see cref="ArgumentException"/> (Indonesian) when it is not a telephone number.
    /// </summary>
    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Dialogs.Recognizers.PhoneRecognizer.Recognize(text) is { Ok: true, Value: { } e164 }
            ? e164
            : throw new ArgumentException("Nomor telepon petugas tidak dikenali; tulis seperti 0812-3456-7890 atau +6281234567890.");
    }

    /// <summary>An officer's e-mail address for on-duty alerts, null when none is given; throws <see cref="ArgumentException"/> when it is not one.</summary>
    public static string? NormalizeEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var email = Dialogs.Recognizers.EmailRecognizer.Recognize(trimmed);
        if (email is { Ok: true, Value: { } address } && string.Equals(address, trimmed, StringComparison.OrdinalIgnoreCase))
        {
            return address;
        }

        throw new ArgumentException(email.Problem == Dialogs.Recognizers.RecognizerProblems.Typo && email.Value is { } suggestion
            ? $"Email petugas sepertinya salah ketik: maksudnya {suggestion}?"
            : "Email petugas tidak benar; tulis seperti nama@kemenkumham.go.id.");
    }

    /// <summary>
    /// Changes an account's name, role, office or whether it may sign in. A change of role, office
    /// or status ends the account's open sessions (its new rights start at the next sign-in); each
    /// change is one audit entry. Refused, with the reason, when it would leave no active admin,
    /// or when an officer would disable or demote their own account. A new telephone or e-mail (for
    /// on-duty alerts) is one <c>officer.contact</c> entry naming what changed, never the values.
    /// </summary>
    public async Task<Officer> UpdateAsync(int officerId, OfficerChange change, int actingOfficerId, string actor, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken)
            ?? throw new ArgumentException("Akun petugas tidak ditemukan.");
        var role = change.Role ?? officer.Role;
        var active = change.Active ?? officer.Active;
        if (officerId == actingOfficerId && (!active || role != officer.Role))
        {
            throw new ArgumentException("Anda tidak dapat menonaktifkan akun sendiri atau mengubah peran sendiri; minta admin lain.");
        }

        if (officer is { Role: OfficerRole.Admin, Active: true } && (role != OfficerRole.Admin || !active)
            && !await db.Officers.AnyAsync(o => o.Id != officerId && o.Role == OfficerRole.Admin && o.Active, cancellationToken))
        {
            throw new ArgumentException("Ini admin aktif terakhir; buat atau aktifkan admin lain lebih dulu.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var subject = $"Officer/{officer.UserName}";
        if (change.DisplayName is { } name && name.Trim() is { Length: > 0 } trimmed && trimmed != officer.DisplayName)
        {
            if (trimmed.Length > 100)
            {
                throw new ArgumentException("Nama lengkap paling banyak 100 karakter.");
            }

            officer.DisplayName = trimmed;
            db.AuditEntries.Add(AuditEntry.Of(actor, "officer.rename", subject, now, trimmed));
        }

        var contact = new List<string>();
        if (change.Phone is { } phoneText && NormalizePhone(phoneText) is var phone && phone != officer.Phone)
        {
            officer.Phone = phone;
            contact.Add("Phone");
        }

        if (change.Email is { } emailText && NormalizeEmail(emailText) is var email && email != officer.Email)
        {
            officer.Email = email;
            contact.Add("Email");
        }

        if (contact.Count > 0)
        {
            db.AuditEntries.Add(AuditEntry.Of(actor, "officer.contact", subject, now, string.Join(", ", contact)));
        }

        var endsSessions = false;
        if (role != officer.Role)
        {
            db.AuditEntries.Add(AuditEntry.Of(actor, "officer.role", subject, now, $"{officer.Role} → {role}"));
            officer.Role = role;
            endsSessions = true;
        }

        if (change.OfficeId is { } office && office != officer.OfficeId)
        {
            var codes = await db.Offices.Where(o => o.Id == office || o.Id == officer.OfficeId).ToDictionaryAsync(o => o.Id, o => o.Code, cancellationToken);
            if (!codes.ContainsKey(office))
            {
                throw new ArgumentException("Pilih kantor petugas.");
            }

            db.AuditEntries.Add(AuditEntry.Of(actor, "officer.office", subject, now, $"{codes.GetValueOrDefault(officer.OfficeId)} → {codes[office]}"));
            officer.OfficeId = office;
            endsSessions = true;
        }

        if (active != officer.Active)
        {
            db.AuditEntries.Add(AuditEntry.Of(actor, active ? "officer.enable" : "officer.disable", subject, now));
            officer.Active = active;
            officer.FailedSignIns = 0;
            officer.LockedUntil = null;
            endsSessions = true;
        }

        if (endsSessions)
        {
            officer.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        await SaveAsync(db, cancellationToken);
        return officer;
    }

    /// <summary>An admin sets a new password for an account: it also opens a lock-out and ends every open session of it.</summary>
    public async Task ResetPasswordAsync(int officerId, string password, string actor, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken)
            ?? throw new ArgumentException("Akun petugas tidak ditemukan.");
        SetPassword(officer, password);
        officer.FailedSignIns = 0;
        officer.LockedUntil = null;
        db.AuditEntries.Add(AuditEntry.Of(actor, "officer.password.reset", $"Officer/{officer.UserName}", time.GetUtcNow().UtcDateTime));
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// An officer changes their own password, giving the current one. Every session of the account
    /// ends, this one included; the caller signs this one in again with the returned account.
    /// </summary>
    public async Task<Officer> ChangeOwnPasswordAsync(int officerId, string current, string password, CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        var officer = await db.Officers.SingleOrDefaultAsync(o => o.Id == officerId && o.Active, cancellationToken)
            ?? throw new ArgumentException("Akun petugas tidak ditemukan.");
        if (hasher.VerifyHashedPassword(officer, officer.PasswordHash, current ?? "") == PasswordVerificationResult.Failed)
        {
            db.AuditEntries.Add(AuditEntry.Of(officer.UserName, "officer.password.change.failed", null, time.GetUtcNow().UtcDateTime));
            await SaveAsync(db, cancellationToken);
            throw new ArgumentException("Kata sandi saat ini salah.");
        }

        if (current == password)
        {
            throw new ArgumentException("Kata sandi baru harus berbeda dari yang lama.");
        }

        SetPassword(officer, password);
        db.AuditEntries.Add(AuditEntry.Of(officer.UserName, "officer.password.change", null, time.GetUtcNow().UtcDateTime));
        await SaveAsync(db, cancellationToken);
        return officer;
    }

    private void SetPassword(Officer officer, string password)
    {
        if (CheckPassword(officer.UserName, password ?? "") is { } problem)
        {
            throw new ArgumentException(problem);
        }

        officer.PasswordHash = hasher.HashPassword(officer, password!);
        officer.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private async Task SaveAsync(ChatBotDb db, CancellationToken cancellationToken)
    {
        using (await factory.Gate.EnterAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<Officer?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        userName = NormalizeUserName(userName);
        await using var db = factory.CreateDbContext();
        return await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.UserName == userName, cancellationToken);
    }

    public async Task<IReadOnlyList<Officer>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Officers.AsNoTracking().OrderBy(o => o.OfficeId).ThenBy(o => o.UserName).ToListAsync(cancellationToken);
    }

    public async Task<bool> AnyAdminAsync(CancellationToken cancellationToken)
    {
        await using var db = factory.CreateDbContext();
        return await db.Officers.AnyAsync(o => o.Role == OfficerRole.Admin && o.Active, cancellationToken);
    }

    private async Task AuditAsync(ChatBotDb db, DateTime now, string actor, string action, string? details, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditEntry.Of(actor, action, null, now, details));
        await SaveAsync(db, cancellationToken);
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserNamePattern();
}

/// <summary>What to change on an officer's account; null leaves a field as it is, an empty telephone or e-mail removes it.</summary>
public sealed record OfficerChange(string? DisplayName = null, OfficerRole? Role = null, int? OfficeId = null, bool? Active = null, string? Phone = null, string? Email = null);

/// <summary>Where an officer's on-duty alerts go: a telephone (WhatsApp) and an e-mail address, as typed.</summary>
public sealed record OfficerContact(string? Phone = null, string? Email = null);
