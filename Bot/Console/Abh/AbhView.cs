using ChatBot.Bot.Flows.Abh;
using ChatBot.Domain.Abh;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Persistence;

namespace ChatBot.Bot.OfficerConsole.Abh;

/// <summary>How the console shows an ABH request to one officer: the child's data in full or masked.</summary>
public static class AbhView
{
    public const string Mask = "•••";

    public const string MaskedNote = "Data anak dan surat hanya untuk Kepala, Kasubsi, PK dan petugas piket permohonan ini.";

    /// <summary>Whether <paramref name="officer"/> may see the child's data of each request (one query per request for roles that do not handle ABH).</summary>
    public static async Task<HashSet<long>> ChildVisibleAsync(ChatBotDb db, IEnumerable<AbhRequest> requests, Officer officer, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var visible = new HashSet<long>();
        foreach (var request in requests)
        {
            if (await AbhAccess.MaySeeChildAsync(db, request, officer, nowUtc, cancellationToken))
            {
                visible.Add(request.Id);
            }
        }

        return visible;
    }

    /// <summary>"A.R., 15 tahun", or the mask.</summary>
    public static string Child(AbhRequest request, bool visible) =>
        !visible ? Mask
        : request.ErasedAt is not null ? "(dihapus)"
        : $"{request.ChildInitials ?? "—"}, {request.ChildAge?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"} tahun";

    public static string Institution(AbhRequest request) => AbhTexts.Indonesian.Institution(request);

    public static string Status(AbhRequestStatus status) => AbhTexts.Indonesian.Statuses[status].Label;
}
