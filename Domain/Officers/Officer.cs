namespace ChatBot.Domain.Officers;

/// <summary>What an officer may do in the console. Stored as text, so never renumber.</summary>
public enum OfficerRole
{
    /// <summary>Manages accounts and settings; an admin of a regional office (Kanwil) sees every office.</summary>
    Admin,

    /// <summary>Head of office (Kepala, Kalapas, Karutan, Kabapas): reviews complaints, signs letters.</summary>
    Kepala,

    /// <summary>Probation officer (Pembimbing Kemasyarakatan).</summary>
    Pk,

    /// <summary>Runs the video-call visit room.</summary>
    VisitOfficer,

    /// <summary>Public service and complaints desk (layanan / pengaduan).</summary>
    ServiceOfficer,

    /// <summary>
    /// Head of a client-guidance subsection (Kasubsi BKA for children, BKD for adults): receives the
    /// head's dispositions and appoints PKs, collects group-guidance proposals.
    /// </summary>
    Kasubsi,
}

/// <summary>An officer's console account. Officers never chat as the bot; they watch and take over.</summary>
public sealed class Officer
{
    public int Id { get; set; }

    /// <summary>Sign-in name, unique, lower case.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public OfficerRole Role { get; set; }

    public int OfficeId { get; set; }

    /// <summary>ASP.NET Core Identity password hash (PBKDF2); never a password.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Changes when the password or role changes and when the officer signs out, so old sign-in cookies stop working.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public int FailedSignIns { get; set; }

    public DateTime? LockedUntil { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>E.164; where on-duty alerts reach the officer on WhatsApp (personal data, masked in logs).</summary>
    public string? Phone { get; set; }

    /// <summary>Where on-duty alerts reach the officer by e-mail.</summary>
    public string? Email { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastSignInAt { get; set; }
}
