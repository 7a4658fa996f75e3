using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Domain.Guidance;

namespace ChatBot.Bot.Flows.Guidance;

/// <summary>What an answer to an invitation said, and the invitation it names when a quick reply carried one.</summary>
public readonly record struct RecognizedAnswer(InvitationAnswer Answer, long? InvitationId);

/// <summary>
/// Reads an answer to an invitation: the quick answers <c>HADIR</c> / <c>TIDAK</c> / <c>GANTI JADWAL</c> as
/// typed in free text ("hadir pak, insyaallah", "maaf tidak bisa", "bisa ganti jadwal?"), and quick-reply
/// payloads that name the invitation (<c>HADIR-123</c>, <c>GANTI_JADWAL:123</c>). Anything else is no answer,
/// so a client who writes about something else first is served by the bot as usual.
/// </summary>
public static partial class InvitationAnswerRecognizer
{
    /// <summary>Longer messages are letters about something else, not answers.</summary>
    public const int MaxAnswerLength = 300;

    /// <summary>The payload of a quick reply that names its invitation: the answer, then the invitation's id.</summary>
    public static string Payload(InvitationAnswer answer, long invitationId) => answer switch
    {
        InvitationAnswer.Attending => "HADIR",
        InvitationAnswer.Declining => "TIDAK",
        InvitationAnswer.Reschedule => "GANTI_JADWAL",
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    } + "-" + invitationId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The answer in <paramref name="buttonPayload"/> (a tapped quick reply), else in <paramref name="text"/>.</summary>
    public static RecognizedAnswer Recognize(string text, string? buttonPayload = null)
    {
        foreach (var candidate in new[] { buttonPayload, text })
        {
            if (candidate is not null && PayloadPattern().Match(candidate.Trim()) is { Success: true } named
                && long.TryParse(named.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return new RecognizedAnswer(FromWord(named.Groups["answer"].Value), id);
            }
        }

        if (buttonPayload is not null && FromText(buttonPayload) is var fromButton and not InvitationAnswer.None)
        {
            return new RecognizedAnswer(fromButton, null);
        }

        return new RecognizedAnswer(FromText(text), null);
    }

    /// <summary>The answer a free text gives; <see cref="InvitationAnswer.None"/> when it is not one.</summary>
    public static InvitationAnswer FromText(string text)
    {
        if (text.Length is 0 or > MaxAnswerLength)
        {
            return InvitationAnswer.None;
        }

        var words = Words(text);
        if (words.Length == 0)
        {
            return InvitationAnswer.None;
        }

        var joined = " " + string.Join(' ', words) + " ";
        if (RescheduleWords.Any(w => joined.Contains($" {w} ", StringComparison.Ordinal)))
        {
            return InvitationAnswer.Reschedule;
        }

        // "tidak bisa hadir", "maaf tidak bisa", "berhalangan": before "hadir", which they contain.
        if (DeclineWords.Any(w => joined.Contains($" {w} ", StringComparison.Ordinal))
            || (Negations.Contains(words[0]) && words.Length <= 4)
            || (words.Length <= 4 && words[0] == "maaf" && words.Length > 1 && Negations.Contains(words[1])))
        {
            return InvitationAnswer.Declining;
        }

        if (AttendWords.Any(w => joined.Contains($" {w} ", StringComparison.Ordinal))
            || (words.Length <= 4 && YesWords.Contains(words[0])))
        {
            return InvitationAnswer.Attending;
        }

        return InvitationAnswer.None;
    }

    private static InvitationAnswer FromWord(string word) =>
        word.ToUpperInvariant() switch
        {
            "HADIR" => InvitationAnswer.Attending,
            "TIDAK" => InvitationAnswer.Declining,
            _ => InvitationAnswer.Reschedule,
        };

    private static string[] Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static readonly string[] RescheduleWords =
    [
        "ganti jadwal", "ganti hari", "ganti tanggal", "ganti waktu", "ubah jadwal", "pindah jadwal", "jadwal lain", "hari lain",
        "jadwal ulang", "undur", "diundur", "reschedule", "another date", "ganti_jadwal",
    ];

    private static readonly string[] Negations = ["tidak", "tdk", "gak", "ga", "nggak", "ngga", "enggak", "engga", "tak", "no", "not"];

    private static readonly string[] DeclineWords =
    [
        "tidak bisa", "tidak dapat", "tidak hadir", "tidak datang", "tdk bisa", "tdk hadir", "gak bisa", "ga bisa", "nggak bisa",
        "enggak bisa", "tak bisa", "berhalangan", "absen", "cannot", "can't", "not attending",
    ];

    private static readonly string[] AttendWords = ["hadir", "datang", "insyaallah", "insya allah", "inshaallah", "insha allah", "attending", "will attend", "will come"];

    private static readonly string[] YesWords = ["ya", "iya", "yes", "siap", "oke", "ok", "okay", "baik", "bisa"];

    [GeneratedRegex(@"^(?<answer>HADIR|TIDAK|GANTI[ _]?JADWAL)\s*[-:#_]\s*(?<id>\d{1,18})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PayloadPattern();

    [GeneratedRegex(@"[\p{L}\p{N}'_]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
