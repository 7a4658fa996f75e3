using System.Globalization;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>How the console writes roles, times and numbers (Indonesian).</summary>
public static class ConsoleText
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string RoleLabel(OfficerRole role) => role switch
    {
        OfficerRole.Admin => "Admin",
        OfficerRole.Kepala => "Kepala kantor",
        OfficerRole.Pk => "Pembimbing Kemasyarakatan",
        OfficerRole.VisitOfficer => "Petugas kunjungan",
        OfficerRole.ServiceOfficer => "Petugas layanan",
        OfficerRole.Kasubsi => "Kasubsi Bimbingan Klien",
        _ => role.ToString(),
    };

    /// <summary><c>14:05 WIB</c> in the office's time zone.</summary>
    public static string Time(Office? office, DateTime utc) =>
        Local(office, utc).ToString("HH':'mm", CultureInfo.InvariantCulture) + " " + Zone(office);

    /// <summary><c>14:05:09 WIB</c> in the office's time zone.</summary>
    public static string TimeWithSeconds(Office? office, DateTime utc) =>
        Local(office, utc).ToString("HH':'mm':'ss", CultureInfo.InvariantCulture) + " " + Zone(office);

    /// <summary><c>22 Nov 2026 14:05 WIB</c> in the office's time zone.</summary>
    public static string DateAndTime(Office? office, DateTime utc) =>
        Local(office, utc).ToString("d MMM yyyy", Indonesian) + " " + Time(office, utc);

    /// <summary><c>Minggu, 22 November 2026</c>: the office's local date.</summary>
    public static string LongDate(Office? office, DateTime utc) => Local(office, utc).ToString("dddd, d MMMM yyyy", Indonesian);

    /// <summary>"blok B-2" for a roster's cell block, whether it was written "B-2" or "Blok B-2".</summary>
    public static string CellBlock(string block) =>
        block.Trim() is var trimmed && trimmed.StartsWith("blok", StringComparison.OrdinalIgnoreCase)
            ? "blok" + trimmed[4..]
            : "blok " + trimmed;

    public static string Number(int value) => value.ToString("N0", Indonesian);

    /// <summary><c>1 jam</c>, <c>30 menit</c>, <c>1 jam 30 menit</c>, <c>2 hari</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span.TotalMinutes < 1)
        {
            return $"{Math.Max(1, (int)span.TotalSeconds)} detik";
        }

        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days} hari");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours} jam");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes} menit");
        }

        return string.Join(" ", parts);
    }

    public static string Zone(Office? office) => OfficeTimeZones.Abbreviation(office?.TimeZoneId ?? "Asia/Jakarta");

    private static DateTime Local(Office? office, DateTime utc) =>
        office?.ToLocal(utc) ?? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), OfficeTimeZones.Find("Asia/Jakarta"));
}
