using ChatBot.Domain.Visits;

namespace ChatBot.Bot.OfficerConsole.Visits;

/// <summary>What the visit screens call states and moves (Indonesian console).</summary>
public static class VisitConsoleText
{
    public static string Status(VisitStatus status) => status switch
    {
        VisitStatus.Booked => "Terdaftar",
        VisitStatus.Called => "Dipanggil",
        VisitStatus.IdentityChecked => "Identitas diperiksa",
        VisitStatus.InCall => "Sedang video call",
        VisitStatus.Finished => "Selesai",
        VisitStatus.NoShow => "Tidak hadir",
        _ => "Dibatalkan",
    };

    /// <summary>The button that moves a visit to <paramref name="to"/>.</summary>
    public static string Move(VisitStatus to) => to switch
    {
        VisitStatus.Called => "Panggil",
        VisitStatus.IdentityChecked => "Identitas sesuai",
        VisitStatus.InCall => "Mulai video call",
        VisitStatus.Finished => "Selesai",
        VisitStatus.NoShow => "Tidak hadir",
        _ => "Batalkan",
    };

    public static string Badge(VisitStatus status) => status switch
    {
        VisitStatus.Booked => "badge",
        VisitStatus.Called or VisitStatus.IdentityChecked or VisitStatus.InCall => "badge badge-warn",
        VisitStatus.Finished => "badge badge-ok",
        _ => "badge badge-muted",
    };

    /// <summary>How a state is written in the queue's address (<c>/console/visits?status=dipanggil</c>).</summary>
    public static string Slug(VisitStatus status) => status switch
    {
        VisitStatus.Booked => "terdaftar",
        VisitStatus.Called => "dipanggil",
        VisitStatus.IdentityChecked => "identitas-diperiksa",
        VisitStatus.InCall => "video-call",
        VisitStatus.Finished => "selesai",
        VisitStatus.NoShow => "tidak-hadir",
        _ => "dibatalkan",
    };

    /// <summary>The state a <see cref="Slug"/> names, or null.</summary>
    public static VisitStatus? FromSlug(string? slug) =>
        Enum.GetValues<VisitStatus>().Cast<VisitStatus?>().FirstOrDefault(s => Slug(s!.Value) == slug?.Trim().ToLowerInvariant());

    public static string Relationship(string value) =>
        Flows.VisitBooking.VisitTexts.Indonesian.Relationships.GetValueOrDefault(value, value);
}
