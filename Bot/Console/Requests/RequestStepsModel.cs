using ChatBot.Domain.Requests;

namespace ChatBot.Bot.OfficerConsole.Requests;

/// <summary>How the console words the outcome of an officer's step on a request.</summary>
public static class RequestNotices
{
    /// <summary>What the officer is told after trying a step on a request (<paramref name="noun"/>: "pengaduan").</summary>
    public static string Notice(RequestActionResult result, string done, string noun) => result.Status switch
    {
        RequestActionStatus.Done => done,
        RequestActionStatus.Conflict => $"Tidak dapat disimpan: {noun} sudah berpindah tahap (mungkin oleh petugas lain).",
        RequestActionStatus.Invalid => $"Tidak dapat disimpan: {result.Message ?? "isian tidak lengkap."}",
        RequestActionStatus.Forbidden => $"Anda tidak berwenang mengambil tahap ini pada {noun} ini.",
        _ => $"{char.ToUpperInvariant(noun[0])}{noun[1..]} tidak ditemukan.",
    };
}

/// <summary>The model of <c>_RequestSteps</c>: the progress and the names of the officers in it.</summary>
public sealed record RequestStepsModel(RequestProgress Progress, IReadOnlyDictionary<int, string> OfficerNames)
{
    public string ActorName(StepRow step) => step switch
    {
        { DoneAt: null } => "—",
        { OfficerId: { } id } => OfficerNames.GetValueOrDefault(id, step.Actor ?? "—"),
        _ when step.Actor == Domain.Audit.Actor.Citizen.Name => "Warga (lewat bot)",
        _ => "Sistem",
    };
}
