using ChatBot.Bot.Dialogs;
using System.Globalization;
using ChatBot.Domain.Litmas;

namespace ChatBot.Bot.Flows.LitmasStatus;

public sealed partial record LitmasTexts
{
    public static readonly LitmasTexts English = new()
    {
        Menu = new("Litmas (social inquiry report) status", ["litmas", "social inquiry", "report status"]),
        NumberHelp = "The litmas registration number is on the litmas request letter or was given by the Bapas officer, and starts with LIT. If it is not found, check how it is written, or type *officer* to ask.",
        AskNumber = "Please type the *litmas registration number* the Bapas officer gave you (for example LIT-123/PKU/2026).",
        NotFound = number =>
            $"We could not find litmas number *{number}*. Please check the number and type it again, or type *officer* to ask an officer.",
        Paused = until =>
            $"Sorry, too many numbers from your phone were not found. To keep the data confidential, please try again after {until}. If you need help, type *officer*.",
        Busy = until =>
            $"Sorry, the litmas status service is very busy right now. Please try again after {until}, or contact our office. If you need help, type *officer*.",
        Status = (number, stage, updated, pk, next) =>
            $"Status of litmas *{number}*:\n• Stage: *{stage}*\n• Last updated: {updated}\n• Probation officer (PK): {pk}\n\nNext: {next}",
        Changed = (number, stage, updated, next) =>
            $"News about litmas *{number}*: its status is now *{stage}* (updated {updated}).\n\nNext: {next}",
        AskSubscribe = "Shall we tell you in this chat when the status changes?",
        Subscribed = "Fine, we will tell you here whenever the status of this litmas changes. Type *STOP* at any time to stop these messages. Type *menu* for other services.",
        AlreadySubscribed = "You are already signed up for news about this litmas. Type *menu* for other services.",
        NotSubscribed = "Fine. Type *status litmas* followed by the number at any time to see the status again. Type *menu* for other services.",
        NextWithPk = "The assigned PK will contact the client and the family for interviews and a home visit.",
        Stages = new Dictionary<LitmasStage, (string, string)>
        {
            [LitmasStage.Diterima] = ("Request received",
                "The head of the Bapas will assign a probation officer (PK) to this litmas."),
            [LitmasStage.PkDitunjuk] = ("Probation officer assigned",
                "The PK will contact the client and the family for interviews and a home visit."),
            [LitmasStage.Penelitian] = ("Inquiry (interviews and home visits)",
                "After the interviews and home visit, the PK writes the litmas report."),
            [LitmasStage.PenyusunanLaporan] = ("Report being written",
                "The report will be discussed at a session of the TPP board."),
            [LitmasStage.SidangTpp] = ("TPP board session",
                "After the TPP session the report is sent to the institution that asked for it."),
            [LitmasStage.Selesai] = ("Finished and sent",
                "The litmas report has been sent to the institution that asked for it. Please contact that institution about the next steps."),
        },
        At = "at",
        Culture = CultureInfo.GetCultureInfo("en-GB"),
    };
}
