namespace ChatBot.Domain.Offices;

/// <summary>The kind of field office (UPT).</summary>
public enum OfficeType
{
    Lapas,
    Rutan,
    Lpka,
    Bapas,
    Kanwil,
}

/// <summary>The public services an office offers through the bot.</summary>
[Flags]
public enum OfficeServices
{
    None = 0,
    VideoCallVisit = 1,
    LitmasStatus = 2,
    IntegrationInfo = 4,
    Complaint = 8,
    TravelPermit = 16,
    Handover = 32,

    /// <summary>Accompaniment of children in conflict with the law, around the clock (Pendampingan ABH).</summary>
    AbhAccompaniment = 64,

    /// <summary>Group guidance invitations and BATAKO counters (bimbingan kelompok, Bapas Tekan Kono).</summary>
    GroupGuidance = 128,

    /// <summary>Clients report in by chat (wajib lapor, <c>LAPOR</c>).</summary>
    ClientReporting = 256,

    /// <summary>Villages and schools request outreach sessions (Sambang Deso lan Sekolah).</summary>
    Outreach = 512,
    All = VideoCallVisit | LitmasStatus | IntegrationInfo | Complaint | TravelPermit | Handover | AbhAccompaniment | GroupGuidance | ClientReporting | Outreach,
}

/// <summary>What each kind of office offers when it is added, before an admin changes it.</summary>
public static class OfficeServiceDefaults
{
    /// <summary>
    /// A Lapas, Rutan or LPKA holds inmates: visits, integration, complaints. A Bapas supervises
    /// clients: litmas, integration, out-of-town permits, complaints. A Kanwil takes complaints.
    /// Every office can hand a conversation to an officer.
    /// </summary>
    public static OfficeServices For(OfficeType type) => type switch
    {
        OfficeType.Lapas or OfficeType.Rutan or OfficeType.Lpka =>
            OfficeServices.VideoCallVisit | OfficeServices.IntegrationInfo | OfficeServices.Complaint | OfficeServices.Handover,
        OfficeType.Bapas =>
            OfficeServices.LitmasStatus | OfficeServices.IntegrationInfo | OfficeServices.TravelPermit | OfficeServices.AbhAccompaniment
            | OfficeServices.GroupGuidance | OfficeServices.ClientReporting | OfficeServices.Outreach | OfficeServices.Complaint | OfficeServices.Handover,
        _ => OfficeServices.Complaint | OfficeServices.Handover,
    };
}

/// <summary>
/// A field office (Lapas, Rutan, Bapas, ...). One deployment can serve several; the address a
/// message was sent to (WhatsApp number, mailbox) picks the office.
/// </summary>
public sealed class Office
{
    public int Id { get; set; }

    /// <summary>Short unique code, e.g. <c>RUTAN-TPI</c>; used on the command line and by the simulator.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public OfficeType Type { get; set; }

    /// <summary>IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).</summary>
    public string TimeZoneId { get; set; } = "Asia/Jakarta";

    /// <summary>E.164 number the office answers on WhatsApp, without the <c>whatsapp:</c> prefix.</summary>
    public string? WhatsAppNumber { get; set; }

    public string? EmailAddress { get; set; }

    /// <summary>Street address, told to people who ask where the office is or who must come in.</summary>
    public string? Address { get; set; }

    /// <summary>The office's public telephone number, as it is written on its letterhead.</summary>
    public string? Phone { get; set; }

    /// <summary>The regional office (Kanwil) whose admins manage this office; null for none.</summary>
    public int? RegionOfficeId { get; set; }

    /// <summary>Dates officers do not work, <c>yyyy-MM-dd</c>, separated by commas or new lines.</summary>
    public string Holidays { get; set; } = "";

    /// <summary>
    /// The configuration (<c>Offices:Default</c>) last applied to the default office, so that a
    /// changed setting is applied on the next start while edits made in the console stand.
    /// </summary>
    public string? AppliedDefaults { get; set; }

    public OfficeServices Services { get; set; } = OfficeServices.All;

    /// <summary>Opening time of officer service hours (office local time).</summary>
    public TimeOnly OpensAt { get; set; } = new(8, 0);

    public TimeOnly ClosesAt { get; set; } = new(16, 0);

    /// <summary>Days officers answer, as a set of <see cref="DayOfWeek"/> flags (bit = 1 &lt;&lt; day).</summary>
    public int WorkDays { get; set; } = WeekdaysMask;

    /// <summary>The office created from configuration when the store is empty.</summary>
    public bool IsDefault { get; set; }

    public const int WeekdaysMask =
        (1 << (int)DayOfWeek.Monday) | (1 << (int)DayOfWeek.Tuesday) | (1 << (int)DayOfWeek.Wednesday)
        | (1 << (int)DayOfWeek.Thursday) | (1 << (int)DayOfWeek.Friday);

    public bool Offers(OfficeServices service) => (Services & service) == service;

    public TimeZoneInfo TimeZone => OfficeTimeZones.Find(TimeZoneId);

    /// <summary>Converts a UTC instant to the office's local wall-clock time.</summary>
    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public bool IsWorkDay(DayOfWeek day) => (WorkDays & (1 << (int)day)) != 0;

    /// <summary>Whether officers work on this date: a working day of the week and not a holiday.</summary>
    public bool IsWorkDate(DateOnly date) => IsWorkDay(date.DayOfWeek) && !IsHoliday(date);

    /// <summary>Whether the office is closed on this date by its own holiday list (a regional holiday, an office closure).</summary>
    public bool IsHoliday(DateOnly date) => HolidayDates().Contains(date);

    /// <summary>The parsed <see cref="Holidays"/>, read again only when the text changes (hours are checked on every handover turn).</summary>
    private (string Text, IReadOnlySet<DateOnly> Dates)? _holidayDates;

    private IReadOnlySet<DateOnly> HolidayDates()
    {
        var cached = _holidayDates;
        if (cached is { } known && ReferenceEquals(known.Text, Holidays))
        {
            return known.Dates;
        }

        var dates = HolidayList.Parse(Holidays);
        _holidayDates = (Holidays, dates);
        return dates;
    }

    /// <summary>Whether officers are at work at this instant (office hours on a working day).</summary>
    public bool IsOpenAt(DateTime utc)
    {
        var local = ToLocal(utc);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkDate(DateOnly.FromDateTime(local)) && time >= OpensAt && time < ClosesAt;
    }

    /// <summary>Problems with the office's settings, in Indonesian for the console; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 32 || !Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add("Kode kantor 1–32 karakter: huruf, angka, tanda hubung atau garis bawah.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            problems.Add("Nama kantor wajib diisi (paling banyak 200 karakter).");
        }

        if (WorkDays == 0)
        {
            problems.Add("Pilih setidaknya satu hari layanan petugas.");
        }

        if (ClosesAt <= OpensAt)
        {
            problems.Add("Jam tutup harus setelah jam buka.");
        }

        if ((Address?.Length ?? 0) > 300 || (Phone?.Length ?? 0) > 32)
        {
            problems.Add("Alamat paling banyak 300 karakter, telepon 32 karakter.");
        }

        if (WhatsAppNumber is { Length: > 0 } number && (number.Length > 32 || !number.StartsWith('+') || !number[1..].All(char.IsAsciiDigit)))
        {
            problems.Add("Nomor WhatsApp ditulis lengkap dengan kode negara, mis. +6281234567890.");
        }

        if (EmailAddress is { Length: > 0 } email && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            problems.Add("Alamat email kantor belum benar.");
        }

        if (HolidayList.Unreadable(Holidays) is { Count: > 0 } bad)
        {
            problems.Add($"Tanggal libur tidak dikenali: {string.Join(", ", bad)} (tulis TTTT-BB-HH, mis. 2026-12-25).");
        }

        return problems;
    }

    /// <summary>The next time officers start work, in office local time (the given instant when open now).</summary>
    public DateTime NextOpening(DateTime utc)
    {
        var local = ToLocal(utc);
        if (IsOpenAt(utc))
        {
            return local;
        }

        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= OpensAt)
        {
            day = day.AddDays(1);
        }

        for (var i = 0; i < 60 && !IsWorkDate(day); i++)
        {
            day = day.AddDays(1);
        }

        return day.ToDateTime(OpensAt);
    }
}

/// <summary>Indonesia's three time zones and their everyday names.</summary>
public static class OfficeTimeZones
{
    public static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // Indonesia has no daylight saving time, so a fixed offset is exact when tzdata is absent.
            var hours = id switch { "Asia/Makassar" => 8, "Asia/Jayapura" => 9, _ => 7 };
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(hours), id, id);
        }
    }

    /// <summary>WIB, WITA or WIT for an office time zone.</summary>
    public static string Abbreviation(string id) => id switch
    {
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => "WIB",
    };
}

/// <summary>A list of dates as officers type it: <c>yyyy-MM-dd</c>, separated by commas, spaces or new lines.</summary>
public static class HolidayList
{
    private static readonly char[] Separators = [',', ';', '\n', '\r', ' ', '\t'];

    public static IReadOnlySet<DateOnly> Parse(string? text) => Read(text, out _);

    /// <summary>The parts that are not dates.</summary>
    public static IReadOnlyList<string> Unreadable(string? text)
    {
        Read(text, out var bad);
        return bad;
    }

    private static HashSet<DateOnly> Read(string? text, out List<string> bad)
    {
        var dates = new HashSet<DateOnly>();
        bad = [];
        foreach (var part in (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(part, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                bad.Add(part);
            }
        }

        return dates;
    }
}
