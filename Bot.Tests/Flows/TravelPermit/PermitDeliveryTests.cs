using System.Net;
using System.Net.Sockets;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Media;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary>
/// The letter reaches the client once on the channel the request came from: on WhatsApp as a document Twilio
/// (the fake, on 127.0.0.1) fetches from the expiring link it is given, by e-mail as an attachment (a real
/// mail server).
/// </summary>
public sealed class PermitWhatsAppDeliveryTests : IAsyncLifetime
{
    private FakeTwilioServer _twilio = null!;
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        // Twilio fetches the file from the service's public address: the host's own, known before it starts.
        var url = $"http://127.0.0.1:{FreePort()}";
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Urls"] = url,
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = _twilio.BaseAddress.ToString().TrimEnd('/'),
            ["Channels:WhatsApp:PublicBaseUrl"] = url,
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task The_letter_goes_once_as_a_WhatsApp_document_that_Twilio_fetches_as_the_PDF()
    {
        var permit = await PermitDesk.FileAsync(_host, ChannelKind.WhatsApp, "+6281300084001");
        permit = await PermitDesk.SignAsync(_host, permit.Id);
        var pk = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.Pk);
        Assert.Equal(ChatBot.Domain.Requests.RequestActionStatus.Done, await PermitDesk.ActAsync(_host, permit.Id, "deliver", pk));

        await WaitForAsync(() => _twilio.Accepted.Any(r => r.MediaUrl is not null));
        await WaitForAsync(async () =>
        {
            await using var db = _host.Store.CreateDbContext();
            return !await db.OutboundMessages.AnyAsync(m => m.Channel == ChannelKind.WhatsApp && m.Status == OutboundStatus.Queued);
        });

        var document = Assert.Single(_twilio.Accepted, r => r.MediaUrl is not null);
        Assert.Equal("whatsapp:+6281300084001", document.To);
        Assert.StartsWith(_host.BaseAddress.ToString().TrimEnd('/') + MediaLinks.BasePath + "/", document.MediaUrl);
        Assert.Contains(permit.LetterNumber!, document.Body);
        Assert.Equal((200, "application/pdf"), (document.MediaStatus, document.MediaContentType));
        Assert.Equal(await File.ReadAllBytesAsync(permit.LetterPath!), document.MediaBytes);
        // The status notices went as text, each once; only the letter carries a file.
        Assert.Equal(5, _twilio.Accepted.Count(r => r.To == "whatsapp:+6281300084001"));
    }

    private static async Task WaitForAsync(Func<bool> condition) => await WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the outbox.");
            await Task.Delay(100);
        }
    }
}

public sealed class PermitEmailDeliveryTests(MailServer mail) : IClassFixture<MailServer>, IAsyncLifetime
{
    private readonly MailHarness _mail = new(mail);

    public async Task InitializeAsync() => await _mail.StartHostAsync();

    public async Task DisposeAsync() => await _mail.Host!.DisposeAsync();

    [Fact]
    public async Task A_request_filed_by_e_mail_gets_the_letter_as_a_PDF_attachment_once()
    {
        var host = _mail.Host!;
        var permit = await PermitDesk.FileAsync(host, ChannelKind.Email, mail.Address("warga4"));
        permit = await PermitDesk.SignAsync(host, permit.Id);
        var pk = await ConsoleClient.CreateOfficerAsync(host, OfficerRole.Pk);
        Assert.Equal(ChatBot.Domain.Requests.RequestActionStatus.Done, await PermitDesk.ActAsync(host, permit.Id, "deliver", pk));

        var letter = await _mail.WaitForMailAsync("warga4", m => m.Attachments.Any());
        Assert.Contains(permit.Code, letter.Subject);
        Assert.Contains(permit.LetterNumber!, letter.TextBody);
        var attachment = Assert.Single(letter.Attachments.OfType<MimePart>());
        Assert.Equal(($"surat-izin-{permit.Code}.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType.MimeType));
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(await File.ReadAllBytesAsync(permit.LetterPath!), bytes.ToArray());

        await _mail.WaitUntilAsync(async () =>
        {
            await using var db = host.Store.CreateDbContext();
            return !await db.OutboundMessages.AnyAsync(m => m.Channel == ChannelKind.Email && m.Status == OutboundStatus.Queued);
        }, "the outbox settled");
        Assert.Single(await _mail.InboxAsync("warga4"), m => m.Attachments.Any());
    }
}

/// <summary>The form by e-mail: several answers in one mail, one a line, then the scan as an attachment.</summary>
public sealed class PermitEmailFormTests(MailServer mail) : IClassFixture<MailServer>, IAsyncLifetime
{
    private readonly MailHarness _mail = new(mail);

    public async Task InitializeAsync() => await _mail.StartHostAsync();

    public async Task DisposeAsync() => await _mail.Host!.DisposeAsync();

    [Fact]
    public async Task A_lawyer_fills_the_form_by_e_mail_in_two_mails_and_attaches_the_signed_request()
    {
        var host = _mail.Host!;
        var client = await PermitWorld.AddClientAsync(host);
        var today = PermitWorld.Today(host);
        var menu = await _mail.WaitForAnswerAsync(await _mail.SendAsync("warga3", "Izin ke luar kota", "izin"));
        Assert.Contains("Ajukan izin ke luar kota", menu.TextBody);
        var consent = await _mail.WaitForAnswerAsync(await _mail.SendAsync(_mail.ComposeReply("warga3", menu, "1")));
        Assert.Contains("UU No. 27 Tahun 2022", consent.TextBody);

        var answers = string.Join('\n', "Selamat siang,", "", "ya", "kuasa hukum", "Andi Wijaya", client.RegistrationNumber, "17-08-1990", "Semarang",
            "Jl. Pandanaran No. 10, Semarang", "Menghadiri sidang perdata keluarga", PermitWorld.Typed(today.AddDays(7)), PermitWorld.Typed(today.AddDays(9)), "081234567890", "", "Hormat saya");
        var fileQuestion = await _mail.WaitForAnswerAsync(await _mail.SendAsync(_mail.ComposeReply("warga3", consent, answers)));
        Assert.Contains("Butir 10 dari 10", fileQuestion.TextBody);
        Assert.DoesNotContain("Butir 4 dari 10", fileQuestion.TextBody);

        var withScan = _mail.ComposeReply("warga3", fileQuestion, "Terlampir surat permohonan.");
        var body = new BodyBuilder { TextBody = withScan.TextBody };
        body.Attachments.Add("surat-permohonan.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[2048], 0xFF, 0xD9], new ContentType("image", "jpeg"));
        withScan.Body = body.ToMessageBody();
        var summary = await _mail.WaitForAnswerAsync(await _mail.SendAsync(withScan));
        Assert.Contains("Periksa data permohonan", summary.TextBody);
        Assert.Contains("1. Pemohon: Kuasa hukum", summary.TextBody);
        Assert.Contains("2. Nama pemohon: Andi Wijaya", summary.TextBody);
        Assert.Contains("10. Surat permohonan: JPEG", summary.TextBody);

        var filed = await _mail.WaitForAnswerAsync(await _mail.SendAsync(_mail.ComposeReply("warga3", summary, "SETUJU")));
        Assert.Contains("terkirim dengan nomor *IZN-", filed.TextBody);
        await using var db = host.Store.CreateDbContext();
        var permit = await db.TravelPermits.SingleAsync(p => p.ApplicantName == "Andi Wijaya");
        Assert.Equal(("lawyer", client.Id, "image/jpeg"), (permit.ApplicantRelationship, permit.ClientId, permit.RequestFileContentType));
        var conversation = await db.Conversations.SingleAsync(c => c.Id == permit.ConversationId);
        Assert.Equal(ChannelKind.Email, conversation.Channel);
    }
}

/// <summary>The expiring links files are fetched by, on a fake clock.</summary>
public sealed class PermitMediaLinkTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_link_serves_only_its_file_until_it_expires_then_404()
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(_host.Directory, "media", "letters")).FullName, "surat.pdf");
        await File.WriteAllBytesAsync(file, "%PDF-1.7 test"u8.ToArray());
        var permit = await PermitDesk.FileAsync(_host, ChannelKind.Simulator, "+6281300084003");
        long withFile, without;
        await using (var db = _host.Store.CreateDbContext())
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == permit.ConversationId);
            var row = OutboundMessage.Queued(conversation, "surat", OutboundKind.Proactive, DateTime.UtcNow.AddYears(1));
            (row.AttachmentPath, row.AttachmentName, row.AttachmentContentType) = (file, "surat-izin.pdf", "application/pdf");
            row.Status = OutboundStatus.Sent;
            var plain = OutboundMessage.Queued(conversation, "tanpa berkas", OutboundKind.Proactive, DateTime.UtcNow.AddYears(1));
            plain.Status = OutboundStatus.Sent;
            db.OutboundMessages.AddRange(row, plain);
            using (await _host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync();
            }

            (withFile, without) = (row.Id, plain.Id);
        }

        var links = _host.Services.GetRequiredService<MediaLinks>();
        var link = links.PathFor(withFile);
        using var http = _host.CreateClient();
        var fetched = await http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("application/pdf", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-1.7 test"u8.ToArray(), await fetched.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(links.PathFor(without))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(link[..^3] + (link[^3..] == "AAA" ? "BBB" : "AAA"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(MediaLinks.BasePath + "/" + withFile)).StatusCode);

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(link)).StatusCode);
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(link)).StatusCode);
    }
}
