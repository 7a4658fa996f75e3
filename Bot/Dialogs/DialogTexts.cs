namespace ChatBot.Bot.Dialogs;

/// <summary>
/// What the dialog engine itself says (prompt hints, commands, recovery), per language. Flows keep
/// their own texts in their folder.
/// </summary>
public sealed partial record DialogTexts
{
    public required string Yes { get; init; }

    public required string No { get; init; }

    public required string EmptyAnswer { get; init; }

    public required Func<int, string> TooLong { get; init; }

    public required Func<int, string> ChooseNumber { get; init; }

    public required string AnswerYesNo { get; init; }

    public required string NumberOnly { get; init; }

    public required Func<long, long, string> NumberBetween { get; init; }

    public required string DateFormat { get; init; }

    public required string DateNotPast { get; init; }

    public required string DateNotFuture { get; init; }

    public required string PhoneFormat { get; init; }

    public required string EmailFormat { get; init; }

    public required Func<string, string> EmailTypo { get; init; }

    public required string NikLength { get; init; }

    public required string NikInvalid { get; init; }

    public required string AttachmentMissing { get; init; }

    public required string AttachmentType { get; init; }

    public required Func<long, string> AttachmentSize { get; init; }

    /// <summary>A question asked back at a prompt, when the prompt has no help of its own.</summary>
    public required string QuestionAtPrompt { get; init; }

    /// <summary>Said before the question is asked again after a question back.</summary>
    public required string AskedAgain { get; init; }

    public required string NotAName { get; init; }

    /// <summary>Added to the e-mail hint where an address is optional.</summary>
    public required string NoEmailHint { get; init; }

    /// <summary>Added to a re-ask after repeated failed answers.</summary>
    public required string OfferOfficer { get; init; }

    public required string EmptyMessage { get; init; }

    /// <summary>After a question answered outside any flow: what else the person can do.</summary>
    public required string AnythingElse { get; init; }

    /// <summary>Closes every e-mail: how to answer by mail and the commands that always work.</summary>
    public required string EmailFooter { get; init; }

    /// <summary>E-mail with several answers: the lines after a refused answer were not read.</summary>
    public required Func<int, string> LinesNotRead { get; init; }

    public required string OnlyAttachment { get; init; }

    /// <summary>{0} the number of items: how to answer a numbered summary.</summary>
    public required Func<int, string> SummaryHint { get; init; }

    /// <summary>Said before the summary is shown again to a person who said something is wrong without saying what.</summary>
    public required string WhichItem { get; init; }

    public required string Cancelled { get; init; }

    /// <summary>The choices of <see cref="LeaveDialog"/>: leave and keep the draft, go on, leave and throw it away.</summary>
    public required string LeaveKeepDraft { get; init; }

    public required string LeaveStay { get; init; }

    public required string LeaveDiscard { get; init; }

    /// <summary>Said before the question that was waiting is asked again.</summary>
    public required string LeaveStayed { get; init; }

    /// <summary>Said when a person leaves a flow whose answers are kept: how to take it up again.</summary>
    public required string DraftKept { get; init; }

    public required string DraftDiscarded { get; init; }

    /// <summary>Said when a draft is taken up again, before its question.</summary>
    public required string DraftResumed { get; init; }

    public required string NothingToGoBackTo { get; init; }

    public required string FlowRestarted { get; init; }

    public required string SomethingWentWrong { get; init; }

    public required string LanguageSwitched { get; init; }

    public required string OptedOut { get; init; }

    public required string FileRefusedType { get; init; }

    public required Func<long, string> FileRefusedSize { get; init; }

    public required string FileUnavailable { get; init; }

    /// <summary>Sunday first, as <see cref="DayOfWeek"/> counts.</summary>
    public required string[] DayNames { get; init; }

    /// <summary>The office's telephone and address as one or two sentences (empty when it has neither).</summary>
    public required Func<string?, string?, string> Contact { get; init; }

    /// <summary>"Come or call during service hours (…)", for when the bot cannot help further.</summary>
    public required Func<string, string> CallUs { get; init; }

    /// <summary>The office's officer service hours, e.g. "Senin–Jumat, 08.00–16.00 WIB" or "Senin, Rabu, Sabtu, …".</summary>
    public string ServiceHours(Domain.Offices.Office office) =>
        $"{WorkDays(office)}, {office.OpensAt:HH\\.mm}–{office.ClosesAt:HH\\.mm} {Domain.Offices.OfficeTimeZones.Abbreviation(office.TimeZoneId)}";

    /// <summary>
    /// How to reach the office when the bot cannot help: come or call during its hours, with its
    /// address and telephone when the office has set them.
    /// </summary>
    public string ReachOffice(Domain.Offices.Office office) => WithContact(CallUs(ServiceHours(office)), office);

    /// <summary>A sentence that tells the person to contact the office, followed by the office's address and telephone when it has set them.</summary>
    public string WithContact(string sentence, Domain.Offices.Office office) =>
        $"{sentence} {Contact(office.Phone, office.Address)}".TrimEnd();

    /// <summary>The working days as a run ("Senin–Jumat") when they follow each other from Monday, else listed.</summary>
    private string WorkDays(Domain.Offices.Office office)
    {
        var days = Enumerable.Range(1, 7).Select(d => d % 7).Where(d => office.IsWorkDay((DayOfWeek)d)).ToList();
        var consecutive = days.Count > 2 && days.Zip(days.Skip(1)).All(p => (p.First + 1) % 7 == p.Second);
        return consecutive ? $"{DayNames[days[0]]}–{DayNames[days[^1]]}" : string.Join(", ", days.Select(d => DayNames[d]));
    }

    public static DialogTexts For(string language) => language == "en" ? English : Indonesian;

    internal static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
