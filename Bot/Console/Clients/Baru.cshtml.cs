using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>
/// <c>/console/klien/baru</c>: a client entered by hand (the register is usually imported). For the roles
/// that see every client (<see cref="ClientEditing.MayAdd"/>); only the head and admins appoint the PK here.
/// </summary>
[Authorize(Policy = ConsoleClaims.ClientsPolicy)]
public sealed class BaruModel(ClientPages pages, ClientDesk desk, TimeProvider time) : PageModel
{
    [BindProperty]
    public ClientForm Input { get; set; } = new();

    [BindProperty]
    public int? OfficeId { get; set; }

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public IReadOnlyList<PkChoice> Pks { get; private set; } = [];

    public IReadOnlyDictionary<ClientField, string> Problems { get; private set; } = new Dictionary<ClientField, string>();

    /// <summary>Every field, but the PK only for those who appoint PKs.</summary>
    public IReadOnlySet<ClientField> Editable =>
        Enum.GetValues<ClientField>().Where(f => f != ClientField.Pk || ClientEditing.MayAssignPk(User.Role())).ToHashSet();

    public ClientFormView Form => new(Input, Editable, Problems, Pks);

    public string? OfficeProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ClientEditing.MayAdd(User.Role()))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ClientEditing.MayAdd(User.Role()))
        {
            return Refuse();
        }

        await LoadAsync(cancellationToken);
        var officeId = Offices.Count > 1 ? OfficeId ?? User.OfficeId() : User.OfficeId();
        var office = Offices.FirstOrDefault(o => o.Id == officeId);
        var fields = new ClientFields(ClientPages.Today(office, time));
        if (!ClientEditing.MayAssignPk(User.Role()))
        {
            Input.PkOfficerId = null;
        }

        var values = Input.Read(fields, Editable, null, Pks, officeId);
        if (office is null)
        {
            OfficeProblem = "Pilih kantor klien.";
        }

        if (!fields.Ok || office is null)
        {
            Problems = fields.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await desk.CreateAsync(office.Id, values, Actor.Officer(User.OfficerId(), User.UserName()), cancellationToken);
        switch (result.Outcome)
        {
            case ClientSaveOutcome.Saved:
                TempData["Notice"] = $"Klien {values.FullName} ({values.RegistrationNumber}) ditambahkan ke register.";
                return Redirect($"/console/klien/{result.ClientId}");
            case ClientSaveOutcome.Duplicate:
                Problems = new Dictionary<ClientField, string> { [ClientField.RegistrationNumber] = $"nomor registrasi {values.RegistrationNumber} sudah terdaftar di kantor ini" };
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                Problems = new Dictionary<ClientField, string> { [ClientField.Pk] = "pilih PK yang aktif di kantor klien" };
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    private IActionResult Refuse()
    {
        ConsoleErrors.Refuse(HttpContext, $"Klien baru dicatat oleh {ConsoleErrors.Roles(ClientRegister.SeeAll)}.");
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Offices = pages.Offices(User);
        Pks = await pages.PksAsync([.. Offices.Select(o => o.Id)], cancellationToken);
    }
}
