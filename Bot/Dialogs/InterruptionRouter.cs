using System.Text.RegularExpressions;
using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Dialogs;

/// <summary>Commands a person can type at any step.</summary>
public enum Command
{
    None,
    Menu,
    Cancel,
    Back,
    Help,
    Officer,
    English,
    Indonesian,

    /// <summary>A greeting (halo, selamat pagi): shows the menu when no flow is running.</summary>
    Greeting,

    /// <summary>STOP / BERHENTI: no more proactive messages until the person writes again.</summary>
    Stop,
}

/// <summary>
/// Recognises the commands that work in every step (<c>menu</c>, <c>batal</c>, <c>kembali</c>,
/// <c>bantuan</c>, <c>petugas</c>/<c>operator</c>, <c>english</c>/<c>bahasa</c>). A command is the
/// whole message, so "batal" cancels while "saya mau membatalkan kunjungan" is an answer.
/// </summary>
public static partial class InterruptionRouter
{
    private static readonly Dictionary<string, Command> Words = new(StringComparer.Ordinal)
    {
        ["menu"] = Command.Menu,
        ["menu utama"] = Command.Menu,
        ["main menu"] = Command.Menu,
        ["batal"] = Command.Cancel,
        ["batalkan"] = Command.Cancel,
        ["cancel"] = Command.Cancel,
        ["kembali"] = Command.Back,
        ["back"] = Command.Back,
        ["bantuan"] = Command.Help,
        ["help"] = Command.Help,
        ["tolong"] = Command.Help,
        ["petugas"] = Command.Officer,
        ["operator"] = Command.Officer,
        ["officer"] = Command.Officer,
        ["admin"] = Command.Officer,
        ["cs"] = Command.Officer,
        ["bicara dengan petugas"] = Command.Officer,
        ["english"] = Command.English,
        ["inggris"] = Command.English,
        ["bahasa inggris"] = Command.English,
        ["bahasa"] = Command.Indonesian,
        ["indonesia"] = Command.Indonesian,
        ["bahasa indonesia"] = Command.Indonesian,
        ["indonesian"] = Command.Indonesian,
        ["stop"] = Command.Stop,
        ["berhenti"] = Command.Stop,
        ["unsubscribe"] = Command.Stop,
        ["halo"] = Command.Greeting,
        ["hallo"] = Command.Greeting,
        ["helo"] = Command.Greeting,
        ["hai"] = Command.Greeting,
        ["hi"] = Command.Greeting,
        ["hello"] = Command.Greeting,
        ["hey"] = Command.Greeting,
        ["p"] = Command.Greeting,
        ["assalamualaikum"] = Command.Greeting,
        ["assalamu'alaikum"] = Command.Greeting,
        ["assalamualaikum wr wb"] = Command.Greeting,
        ["selamat pagi"] = Command.Greeting,
        ["selamat siang"] = Command.Greeting,
        ["selamat sore"] = Command.Greeting,
        ["selamat malam"] = Command.Greeting,
        ["pagi"] = Command.Greeting,
        ["permisi"] = Command.Greeting,
        ["good morning"] = Command.Greeting,
        ["good afternoon"] = Command.Greeting,
        ["good evening"] = Command.Greeting,
    };

    /// <summary>Whether the message asks a status ("status …", "cek …") — of what, the rest tells.</summary>
    public static bool AsksStatus(string text) => text.Length <= 200 && AsksStatusPattern().IsMatch(text);

    [GeneratedRegex(@"^[\s*_""']*(?:status|cek)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsksStatusPattern();

    private static readonly HashSet<string> ResumeWords = new(StringComparer.Ordinal)
    {
        "lanjut", "lanjutkan", "lanjut isi", "lanjut mengisi", "lanjutkan formulir", "lanjut formulir", "lanjutkan draf", "continue", "resume",
    };

    /// <summary>The whole message asks to take up what was left half-done (<c>lanjut</c>).</summary>
    public static bool AsksToResume(string text) => text.Length <= 40 && ResumeWords.Contains(TextNormalizer.Keyword(text));

    public static Command Recognize(string text) =>
        text.Length is 0 or > 40 ? Command.None : Words.GetValueOrDefault(TextNormalizer.Keyword(text), Command.None);
}
