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
    All = VideoCallVisit | LitmasStatus | IntegrationInfo | Complaint | TravelPermit | Handover,
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

    /// <summary>Whether officers are at work at this instant (office hours on a working day).</summary>
    public bool IsOpenAt(DateTime utc)
    {
        var local = ToLocal(utc);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkDay(local.DayOfWeek) && time >= OpensAt && time < ClosesAt;
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

        for (var i = 0; i < 8 && !IsWorkDay(day.DayOfWeek); i++)
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
