using ChatBot.Domain.Offices;

namespace ChatBot.Bot.OfficerConsole.Offices;

/// <summary>Office types, services and days as the console writes them.</summary>
public static class OfficeLabels
{
    public static readonly string[] DayNames = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    /// <summary>The services an admin switches on and off, in menu order.</summary>
    public static readonly OfficeServices[] Services =
    [
        OfficeServices.VideoCallVisit, OfficeServices.LitmasStatus, OfficeServices.IntegrationInfo,
        OfficeServices.TravelPermit, OfficeServices.Complaint, OfficeServices.Handover,
    ];

    public static string Type(OfficeType type) => type switch
    {
        OfficeType.Lapas => "Lapas",
        OfficeType.Rutan => "Rutan",
        OfficeType.Lpka => "LPKA",
        OfficeType.Bapas => "Bapas",
        OfficeType.Kanwil => "Kanwil",
        _ => type.ToString(),
    };

    public static string Service(OfficeServices service) => service switch
    {
        OfficeServices.VideoCallVisit => "Kunjungan video call",
        OfficeServices.LitmasStatus => "Status litmas",
        OfficeServices.IntegrationInfo => "Program integrasi (PB, CB, CMB, asimilasi)",
        OfficeServices.TravelPermit => "Izin ke luar kota",
        OfficeServices.Complaint => "Pengaduan",
        OfficeServices.Handover => "Chat dengan petugas",
        _ => service.ToString(),
    };
}
