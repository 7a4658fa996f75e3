using System.Globalization;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Offices;

/// <summary>
/// <c>/console/kantor</c> (admins): the settings of the admin's office — name, address, phone,
/// officer hours and days, holidays, the services it offers, its WhatsApp number and mailbox. A
/// Kanwil admin sees the offices of its region, picks one to edit, and adds new ones.
/// Everything goes through <see cref="OfficeSettings"/>, which the command line uses too.
/// </summary>
[Authorize(Policy = ConsoleClaims.AdminPolicy)]
[ConsoleNav("Kantor", Order = 85)]
public sealed class IndexModel(OfficeSettings settings, OfficeScope scope, OfficeDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kantor")]
    public int? OfficeId { get; set; }

    /// <summary>True on <c>?baru=1</c>: the form adds an office instead of editing one.</summary>
    [BindProperty(SupportsGet = true, Name = "baru")]
    public bool Adding { get; set; }

    [BindProperty]
    public OfficeForm Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public Office? Office { get; private set; }

    public bool ManagesRegion { get; private set; }

    public IActionResult OnGet()
    {
        if (!Load())
        {
            return NotFound();
        }

        Input = Adding ? OfficeForm.ForNew() : OfficeForm.From(Office!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Load())
        {
            return NotFound();
        }

        var problems = Input.Problems();
        if (problems.Count == 0)
        {
            var own = scope.OwnOffice(User)!;
            var change = Adding
                ? await settings.AddAsync(Input.Code ?? "", Input.Name ?? "", Input.Type, o => Input.ApplyTo(o, ManagesRegion ? own.Id : null, withServices: false), User.UserName(), cancellationToken)
                : await settings.UpdateAsync(Office!.Id, o => Input.ApplyTo(o, o.RegionOfficeId, withServices: true), User.UserName(), cancellationToken);
            if (change.Ok)
            {
                Notice = Adding ? $"Kantor {change.Office!.Name} ditambahkan." : "Pengaturan kantor disimpan.";
                return RedirectToPage(new { kantor = change.Office!.Id });
            }

            problems = [.. change.Problems];
        }

        Problems = problems;
        return Page();
    }

    /// <summary>Picks the office to show among those the admin may see; false when the id is not one of them.</summary>
    private bool Load()
    {
        ManagesRegion = scope.SeesAllOffices(User);
        Offices = scope.Visible(User);
        if (Adding)
        {
            return ManagesRegion;
        }

        Office = OfficeId is { } id ? Offices.FirstOrDefault(o => o.Id == id) : scope.OwnOffice(User);
        return Office is not null && directory.Find(Office.Id) is not null;
    }

    public sealed class OfficeForm
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public OfficeType Type { get; set; } = OfficeType.Rutan;

        public string TimeZone { get; set; } = "Asia/Jakarta";

        public string? Address { get; set; }

        public string? Phone { get; set; }

        public string? WhatsAppNumber { get; set; }

        public string? EmailAddress { get; set; }

        public string OpensAt { get; set; } = "08:00";

        public string ClosesAt { get; set; } = "16:00";

        public List<int> Days { get; set; } = [1, 2, 3, 4, 5];

        /// <summary>Null on a new office: its services then default by its type.</summary>
        public List<OfficeServices>? Services { get; set; }

        public string? Holidays { get; set; }

        public static readonly string[] TimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

        public static OfficeForm ForNew() => new();

        public static OfficeForm From(Office office) => new()
        {
            Code = office.Code,
            Name = office.Name,
            Type = office.Type,
            TimeZone = office.TimeZoneId,
            Address = office.Address,
            Phone = office.Phone,
            WhatsAppNumber = office.WhatsAppNumber,
            EmailAddress = office.EmailAddress,
            OpensAt = office.OpensAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            ClosesAt = office.ClosesAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            Days = [.. Enumerable.Range(0, 7).Where(d => office.IsWorkDay((DayOfWeek)d))],
            Services = [.. OfficeLabels.Services.Where(office.Offers)],
            Holidays = office.Holidays,
        };

        public bool Offers(OfficeServices service) => Services?.Contains(service) ?? OfficeServiceDefaults.For(Type).HasFlag(service);

        /// <summary>What the form itself cannot accept (the rest is checked by <see cref="Office.Problems"/>).</summary>
        public List<string> Problems()
        {
            var problems = new List<string>();
            if (!Enum.IsDefined(Type))
            {
                problems.Add("Pilih jenis kantor.");
            }

            if (!TimeZones.Contains(TimeZone))
            {
                problems.Add("Pilih zona waktu: WIB, WITA atau WIT.");
            }

            if (!TimeOnly.TryParse(OpensAt, CultureInfo.InvariantCulture, out _) || !TimeOnly.TryParse(ClosesAt, CultureInfo.InvariantCulture, out _))
            {
                problems.Add("Jam layanan ditulis JJ:MM, mis. 08:00.");
            }

            return problems;
        }

        /// <summary>Writes the form into the office; a new office keeps the services of its type (<paramref name="withServices"/> false).</summary>
        public void ApplyTo(Office office, int? region, bool withServices)
        {
            office.Code = (Code ?? "").Trim();
            office.Name = (Name ?? "").Trim();
            office.Type = Type;
            office.TimeZoneId = TimeZone;
            office.Address = Address;
            office.Phone = Phone;
            office.WhatsAppNumber = WhatsAppNumber;
            office.EmailAddress = EmailAddress;
            office.OpensAt = TimeOnly.Parse(OpensAt, CultureInfo.InvariantCulture);
            office.ClosesAt = TimeOnly.Parse(ClosesAt, CultureInfo.InvariantCulture);
            office.WorkDays = Days.Where(d => d is >= 0 and < 7).Distinct().Sum(d => 1 << d);
            office.Holidays = (Holidays ?? "").Trim();
            office.RegionOfficeId = region;
            if (withServices && Services is not null)
            {
                office.Services = Services.Where(OfficeLabels.Services.Contains).Aggregate(OfficeServices.None, (all, s) => all | s);
            }
        }
    }
}
