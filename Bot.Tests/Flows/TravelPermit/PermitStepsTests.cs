using System.Text.RegularExpressions;
using ChatBot.Bot.Flows.TravelPermit;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Simulator;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Permits;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary>The officers' side of a permit through the request desk: who may take each step, what it records, what the client hears, and the letter.</summary>
public sealed partial class PermitStepsTests(PermitChatHost fixture) : IClassFixture<PermitChatHost>
{
    private TestHost Host => fixture.Host;

    private static StepInput Session(DateOnly date, string members = "Drs. Hartono (ketua), Sri Lestari, Agus Salim", string? text = null) =>
        new(text, Fields: new Dictionary<string, string> { [TravelPermitRequests.DateField] = date.ToString("yyyy-MM-dd"), [TravelPermitRequests.MembersField] = members });

    private static Task<RequestActionStatus> ActAsync(TestHost host, long id, string step, Officer officer, StepInput? input = null) =>
        Desk.ActAsync<ChatBot.Domain.Permits.TravelPermit, TravelPermitStatus>(host, id, step, officer, input ?? new StepInput());

    /// <summary>A permit filed by chat from <paramref name="phone"/>; returns it as stored.</summary>
    internal static async Task<ChatBot.Domain.Permits.TravelPermit> FileAsync(TestHost host, string phone, string clientName = "Budi Santoso", int? pkOfficerId = null)
    {
        var client = await PermitWorld.AddClientAsync(host, clientName, pkOfficerId);
        var chat = PermitWorld.ToSummary(host.Chat(phone), client, PermitWorld.Today(host)).Send("setuju").Expect("IZN-");
        await chat.RunAsync();
        var code = Regex.Match(chat.LastReply, @"IZN-[0-9A-Z]{6}").Value;
        await using var db = host.Store.CreateDbContext();
        return await db.TravelPermits.AsNoTracking().SingleAsync(p => p.Code == code);
    }

    [Fact]
    public async Task The_SOP_runs_from_examination_to_the_letter_with_the_client_told_at_each_step()
    {
        var permit = await FileAsync(Host, "081300081001");
        var today = PermitWorld.Today(Host);
        var pk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        var desk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.ServiceOfficer);

        Assert.Equal(RequestActionStatus.Forbidden, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Examine, desk));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Examine, pk));
        Assert.Equal(RequestActionStatus.Conflict, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Examine, pk));
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Approve, pk, new StepInput()));
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Approve, pk, Session(today.AddDays(5))));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Approve, pk, Session(today)));
        Assert.Equal(RequestActionStatus.Forbidden, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Draft, head));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Draft, pk));
        Assert.Equal(RequestActionStatus.Forbidden, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Sign, pk));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Sign, head));
        using var phone = Host.Hub.Subscribe("+6281300081001");
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Deliver, pk));

        // The simulator shows the letter as a link to it, which serves the PDF.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        SimulatorDelivery letter;
        do
        {
            letter = await phone.Reader.ReadAsync(wait.Token);
        }
        while (!letter.Body.Contains("surat-izin-", StringComparison.Ordinal));
        var link = Regex.Match(letter.Body, @"/media/[A-Za-z0-9_\-]+").Value;
        using var http = Host.CreateClient();
        var fetched = await http.GetAsync(link);
        Assert.Equal(("application/pdf", "%PDF-"), (fetched.Content.Headers.ContentType?.MediaType, System.Text.Encoding.ASCII.GetString((await fetched.Content.ReadAsByteArrayAsync())[..5])));

        await using var db = Host.Store.CreateDbContext();
        var done = await db.TravelPermits.AsNoTracking().SingleAsync(p => p.Id == permit.Id);
        Assert.Equal(TravelPermitStatus.Delivered, done.Status);
        Assert.Equal((today, "Drs. Hartono (ketua), Sri Lestari, Agus Salim", pk.Id), (done.TppDate, done.TppMembers, done.ExaminedByOfficerId));
        Assert.Matches(@"^W\.\d{3}/PK/[IVX]+/\d{4}$", done.LetterNumber);
        Assert.Equal(today.Year, done.LetterYear);
        Assert.Equal((head.Id, head.DisplayName), (done.SignedByOfficerId, done.SignerName));
        Assert.Matches("^[2-9A-HJKMNP-Z]{10}$", done.VerificationCode);
        Assert.NotNull(done.ClosedAt);
        Assert.True(File.Exists(done.LetterPath));

        var history = await Desk.HistoryAsync(Host, TravelPermitRequests.Kind, permit.Code);
        Assert.Equal(["filed", "examine", "approve", "draft", "sign", "deliver"], history.Select(h => h.Step));
        Assert.Contains("Sri Lestari", history.Single(h => h.Step == "approve").Note);

        var told = await db.OutboundMessages.AsNoTracking().Where(m => m.ConversationId == permit.ConversationId && m.Kind == OutboundKind.Proactive).OrderBy(m => m.Id).ToListAsync();
        Assert.Collection(told,
            m => Assert.Contains("sudah diperiksa PK", m.Body),
            m => Assert.Contains("*disetujui* sidang TPP", m.Body),
            m => Assert.Contains("menunggu tanda tangan Kepala Bapas", m.Body),
            m => Assert.Contains("sudah ditandatangani Kepala Bapas", m.Body),
            m =>
            {
                Assert.Contains(done.LetterNumber!, m.Body);
                Assert.Contains("/verifikasi/" + done.VerificationCode, m.Body);
                Assert.Equal((done.LetterPath, $"surat-izin-{permit.Code}.pdf", "application/pdf"), (m.AttachmentPath, m.AttachmentName, m.AttachmentContentType));
            });
        await Host.Chat("081300081001").Send($"status izin {permit.Code}").Expect("Surat izin sudah dikirim").RunAsync();
    }

    [Fact]
    public async Task The_letter_is_a_pdf_with_the_letterhead_number_client_trip_conditions_and_signature()
    {
        await using (var db = Host.Store.CreateDbContext())
        {
            var office = await db.Offices.SingleAsync(o => o.IsDefault);
            office.Name = "Balai Pemasyarakatan Kelas II Magelang";
            office.Address = "Jl. Ahmad Yani No. 1, Magelang";
            office.Phone = "(0293) 362 000";
            using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        await Host.Services.GetRequiredService<ChatBot.Domain.Offices.OfficeDirectory>().ReloadAsync(CancellationToken.None);
        var permit = await FileAsync(Host, "081300081002", "Rahmat Hidayat Nugroho");
        var pk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Examine, pk);
        await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Approve, pk, Session(PermitWorld.Today(Host)));
        await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Draft, pk);
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Sign, head));

        await using var check = Host.Store.CreateDbContext();
        var signed = await check.TravelPermits.AsNoTracking().SingleAsync(p => p.Id == permit.Id);
        var client = await check.Clients.AsNoTracking().SingleAsync(c => c.Id == signed.ClientId);
        var bytes = await File.ReadAllBytesAsync(signed.LetterPath!);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        var words = Squash(text);
        foreach (var expected in new[]
        {
            "BALAI PEMASYARAKATAN KELAS II MAGELANG", "Jl. Ahmad Yani No. 1, Magelang", "(0293) 362 000",
            "SURAT IZIN KE LUAR KOTA", $"Nomor: {signed.LetterNumber}",
            "Rahmat Hidayat Nugroho", client.RegistrationNumber, "Semarang", "Jl. Pandanaran No. 10, Semarang", "Menjenguk ibu yang sakit",
            PermitWorld.Written(signed.DepartOn), PermitWorld.Written(signed.ReturnOn),
            "Melaporkan diri kepada Bapas atau kantor kepolisian", "Kembali ke kota asal tepat waktu",
            "Ditandatangani secara elektronik", head.DisplayName, $"Kode verifikasi: {signed.VerificationCode}", $"/verifikasi/{signed.VerificationCode}",
        })
        {
            Assert.Contains(Squash(expected), words);
        }

        Assert.Equal("R.H.N.", signed.ClientInitials);
    }

    [Fact]
    public async Task Rejection_tells_the_reason_and_only_the_head_revokes_a_letter()
    {
        var rejected = await FileAsync(Host, "081300081003");
        var pk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        var today = PermitWorld.Today(Host);
        await ActAsync(Host, rejected.Id, TravelPermitRequests.Steps.Examine, pk);
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, rejected.Id, TravelPermitRequests.Steps.Reject, pk, Session(today)));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, rejected.Id, TravelPermitRequests.Steps.Reject, pk, Session(today, text: "Klien belum memenuhi wajib lapor bulan ini.")));
        await Host.Chat("081300081003").Send($"status izin {rejected.Code}").Expect("Tidak disetujui").RunAsync();

        var revoked = await FileAsync(Host, "081300081004");
        await ActAsync(Host, revoked.Id, TravelPermitRequests.Steps.Examine, pk);
        await ActAsync(Host, revoked.Id, TravelPermitRequests.Steps.Approve, head, Session(today));
        await ActAsync(Host, revoked.Id, TravelPermitRequests.Steps.Draft, pk);
        await ActAsync(Host, revoked.Id, TravelPermitRequests.Steps.Sign, head);
        Assert.Equal(RequestActionStatus.Forbidden, await ActAsync(Host, revoked.Id, TravelPermitRequests.Steps.Revoke, pk, new StepInput("Alasan")));
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, revoked.Id, TravelPermitRequests.Steps.Revoke, head, new StepInput("")));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, revoked.Id, TravelPermitRequests.Steps.Revoke, head, new StepInput("Klien melanggar syarat pembimbingan.")));

        await using var db = Host.Store.CreateDbContext();
        var rows = await db.OutboundMessages.AsNoTracking().Where(m => m.ConversationId == rejected.ConversationId || m.ConversationId == revoked.ConversationId).Select(m => m.Body).ToListAsync();
        Assert.Contains(rows, b => b.Contains("*tidak disetujui*") && b.Contains("Klien belum memenuhi wajib lapor bulan ini."));
        Assert.Contains(rows, b => b.Contains("*dicabut*") && b.Contains("Klien melanggar syarat pembimbingan."));
        var letters = await db.TravelPermits.AsNoTracking().Where(p => p.LetterNumber != null && p.LetterYear == today.Year).Select(p => p.LetterSequence).ToListAsync();
        Assert.Equal(letters.Count, letters.Distinct().Count());
    }

    [Fact]
    public async Task A_letter_for_a_trip_already_over_is_not_signed()
    {
        var permit = await PermitDesk.FileAsync(Host, ChannelKind.Simulator, "+6281300081005");
        var pk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Examine, pk);
        await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Approve, pk, Session(PermitWorld.Today(Host)));
        await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Draft, pk);
        await using (var db = Host.Store.CreateDbContext())
        {
            var stored = await db.TravelPermits.SingleAsync(p => p.Id == permit.Id);
            (stored.DepartOn, stored.ReturnOn) = (PermitWorld.Today(Host).AddDays(-5), PermitWorld.Today(Host).AddDays(-1));
            using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }
        }

        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, permit.Id, TravelPermitRequests.Steps.Sign, head));
        await using var check = Host.Store.CreateDbContext();
        var unsigned = await check.TravelPermits.AsNoTracking().SingleAsync(p => p.Id == permit.Id);
        Assert.Equal((TravelPermitStatus.Drafted, null, null), (unsigned.Status, unsigned.LetterNumber, unsigned.LetterPath));
    }

    /// <summary>PDF text extraction may split or join words at line ends: compare without spaces.</summary>
    private static string Squash(string text) => Regex.Replace(text, @"\s+", "");
}
