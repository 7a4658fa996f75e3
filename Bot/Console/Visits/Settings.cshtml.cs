using System.Globalization;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Bot.Flows.VisitBooking;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using ChatBot.Domain.Visits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Visits;

/// <summary>
/// <c>/console/visits/settings</c>: the office's video-call schedule (days, hours, slot length,
/// stations, weekly limit, holidays, the number officers call from) and the inmate roster import.
/// </summary>
[Authorize(Policy = ConsoleClaims.VisitsPolicy)]
public sealed class SettingsModel(ChatBotDbFactory factory, RosterImport roster, OfficeScope scope, ConsoleAuditLog audit) : PageModel
{
    public const long MaxRosterBytes = 5 * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "kantor")]
    public int? OfficeId { get; set; }

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public Office? Office { get; private set; }

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public int InmateCount { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public static readonly string[] DayNames = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Choose())
        {
            return NotFound();
        }

        await using var db = factory.CreateDbContext();
        Input = ScheduleInput.From(await VisitBookings.ScheduleAsync(db, Office!.Id, cancellationToken));
        await LoadAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken cancellationToken)
    {
        if (!Choose())
        {
            return NotFound();
        }

        await using var db = factory.CreateDbContext();
        var (schedule, problems) = Input.ToSchedule(Office!.Id);
        if (!ModelState.IsValid || problems.Count > 0)
        {
            Problems = problems.Count > 0 ? problems : ["Isian tidak lengkap atau tidak valid."];
            await LoadAsync(db, cancellationToken);
            return Page();
        }

        var existing = await db.VisitSchedules.SingleOrDefaultAsync(s => s.OfficeId == Office.Id, cancellationToken);
        if (existing is null)
        {
            db.VisitSchedules.Add(schedule);
        }
        else
        {
            db.Entry(existing).CurrentValues.SetValues(schedule);
        }

        await using (var write = await factory.BeginWriteAsync(db, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await write.CommitAsync(cancellationToken);
        }

        await audit.WriteAsync(User, "visits.schedule.update", $"Office/{Office.Id}", null, cancellationToken);
        Notice = "Jadwal kunjungan disimpan.";
        return RedirectToPage(new { kantor = OfficeId });
    }

    public async Task<IActionResult> OnPostRosterAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!Choose())
        {
            return NotFound();
        }

        await using var db = factory.CreateDbContext();
        if (file is null || file.Length == 0 || file.Length > MaxRosterBytes)
        {
            Problems = [file is null || file.Length == 0 ? "Pilih berkas CSV data WBP." : "Berkas terlalu besar (paling besar 5 MB)."];
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream(), detectEncodingFromByteOrderMarks: true);
            var result = await roster.ImportAsync(Office!.Id, reader, cancellationToken);
            await audit.WriteAsync(User, "visits.roster.import", $"Office/{Office.Id}", result.Ok ? $"added {result.Added}, updated {result.Updated}" : $"refused: {result.Problems.Count} problem(s)", cancellationToken);
            if (result.Ok)
            {
                Notice = $"Data WBP diimpor: {result.Added} baru, {result.Updated} diperbarui.";
                return RedirectToPage(new { kantor = OfficeId });
            }

            Problems = ["Tidak ada data yang diimpor karena:", .. result.Problems];
        }

        Input = ScheduleInput.From(await VisitBookings.ScheduleAsync(db, Office!.Id, cancellationToken));
        await LoadAsync(db, cancellationToken);
        return Page();
    }

    /// <summary>The office being set: the officer's own, or one chosen by an officer who sees several.</summary>
    private bool Choose()
    {
        Offices = scope.Visible(User);
        Office = OfficeId is { } id ? Offices.FirstOrDefault(o => o.Id == id) : scope.OwnOffice(User);
        return Office is not null;
    }

    private async Task LoadAsync(ChatBotDb db, CancellationToken cancellationToken) =>
        InmateCount = await db.Inmates.CountAsync(i => i.OfficeId == Office!.Id, cancellationToken);

    /// <summary>The schedule form.</summary>
    public sealed class ScheduleInput
    {
        public List<int> Days { get; set; } = [];

        public string OpensAt { get; set; } = "";

        public string ClosesAt { get; set; } = "";

        public int SlotMinutes { get; set; }

        public int Stations { get; set; }

        public int WeeklyLimit { get; set; }

        public string? Holidays { get; set; }

        public string? CallerNumber { get; set; }

        public static ScheduleInput From(VisitSchedule s) => new()
        {
            Days = [.. Enumerable.Range(0, 7).Where(d => s.IsVisitDay((DayOfWeek)d))],
            OpensAt = s.OpensAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            ClosesAt = s.ClosesAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            SlotMinutes = s.SlotMinutes,
            Stations = s.Stations,
            WeeklyLimit = s.WeeklyLimitPerInmate,
            Holidays = s.Holidays,
            CallerNumber = s.CallerNumber,
        };

        public (VisitSchedule Schedule, List<string> Problems) ToSchedule(int officeId)
        {
            var problems = new List<string>();
            static TimeOnly? Time(string? text) =>
                TimeOnly.TryParseExact(text?.Trim().Replace('.', ':'), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
            var opens = Time(OpensAt);
            var closes = Time(ClosesAt);
            if (opens is null || closes is null)
            {
                problems.Add("Jam buka dan jam tutup ditulis JJ:MM, mis. 09:00.");
            }

            string? caller = null;
            if (!string.IsNullOrWhiteSpace(CallerNumber))
            {
                if (PhoneRecognizer.Recognize(CallerNumber) is { Ok: true, Value: { } e164 })
                {
                    caller = e164;
                }
                else
                {
                    problems.Add("Nomor video call kantor tidak dikenali; tulis mis. 0812 3456 7890.");
                }
            }

            var schedule = new VisitSchedule
            {
                OfficeId = officeId,
                Days = Days.Where(d => d is >= 0 and <= 6).Aggregate(0, (mask, d) => mask | (1 << d)),
                OpensAt = opens ?? default,
                ClosesAt = closes ?? default,
                SlotMinutes = SlotMinutes,
                Stations = Stations,
                WeeklyLimitPerInmate = WeeklyLimit,
                Holidays = (Holidays ?? "").Trim(),
                CallerNumber = caller,
            };
            if (problems.Count == 0)
            {
                problems.AddRange(schedule.Problems());
            }

            return (schedule, problems);
        }
    }
}
