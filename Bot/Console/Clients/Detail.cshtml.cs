using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Offices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Clients;

/// <summary>
/// <c>/console/klien/{id}</c>: one client's record, and the form that changes it — every field for the head
/// and admins, all but the PK for a Kasubsi, the contact details (telephone, e-mail, town) for the client's
/// own PK (<see cref="ClientEditing"/>). A client of another office, or not the PK's own, is a missing page.
/// Each view is audited (birth date and contacts are personal data); a change is refused, politely, when
/// someone else changed the client since the page was opened.
/// </summary>
[Authorize(Policy = ConsoleClaims.ClientsPolicy)]
public sealed class DetailModel(ClientPages pages, ClientDesk desk, ConsoleAuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public ClientForm Input { get; set; } = new();

    [BindProperty]
    public long Revision { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public Client Client { get; private set; } = null!;

    public Office? Office => pages.Office(Client.OfficeId);

    public IReadOnlyList<PkChoice> Pks { get; private set; } = [];

    public IReadOnlySet<ClientField> Editable => ClientEditing.Editable(User.Role());

    public IReadOnlyDictionary<ClientField, string> Problems { get; private set; } = new Dictionary<ClientField, string>();

    public ClientFormView Form => new(Input, Editable, Problems, Pks);

    public PkChoice? Pk => Pks.FirstOrDefault(p => p.Id == Client.PkOfficerId);

    public (string Label, string Badge) Period => ClientFields.Period(Client, ClientPages.Today(Office, time));

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = ClientForm.From(Client);
        Revision = Client.Revision;
        await audit.WriteAsync(User, "client.view", ClientDesk.Subject(id), null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Editable.Count == 0)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var fields = new ClientFields(ClientPages.Today(Office, time));
        var values = Input.Read(fields, Editable, Client, Pks, Client.OfficeId);
        if (!fields.Ok)
        {
            return Refuse(StatusCodes.Status400BadRequest, fields.Problems);
        }

        var result = await desk.UpdateAsync(id, Revision, Editable, values, Actor.Officer(User.OfficerId(), User.UserName()), cancellationToken);
        switch (result.Outcome)
        {
            case ClientSaveOutcome.Saved:
                Notice = result.Changed is { Count: > 0 } ? "Data klien disimpan." : "Tidak ada yang berubah.";
                return RedirectToPage(new { id });
            case ClientSaveOutcome.Conflict:
                // The newest data replaces the form: the officer sees what changed before deciding again.
                await LoadAsync(id, cancellationToken);
                Input = ClientForm.From(Client);
                Revision = Client.Revision;
                Error = "Perubahan Anda belum disimpan: data klien ini sudah diubah petugas lain sejak halaman dibuka. "
                    + "Di bawah ini data terbarunya; periksa, lalu ubah dan simpan lagi bila masih perlu.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case ClientSaveOutcome.Duplicate:
                return Refuse(StatusCodes.Status409Conflict, new Dictionary<ClientField, string>
                {
                    [ClientField.RegistrationNumber] = $"nomor registrasi {values.RegistrationNumber} sudah dipakai klien lain di kantor ini",
                });
            case ClientSaveOutcome.UnknownPk:
                return Refuse(StatusCodes.Status400BadRequest, new Dictionary<ClientField, string> { [ClientField.Pk] = "pilih PK yang aktif di kantor klien" });
            default:
                return NotFound();
        }
    }

    private IActionResult Refuse(int status, IReadOnlyDictionary<ClientField, string> problems)
    {
        Problems = problems;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var client = await pages.FindAsync(User, id, cancellationToken);
        if (client is null)
        {
            return false;
        }

        Client = client;
        Pks = await pages.PksAsync([client.OfficeId], cancellationToken);
        return true;
    }
}
