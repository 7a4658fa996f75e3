using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ChatBot.Bot.Tests.Channels.Email;

/// <summary>
/// Files sent by e-mail go through the same checks as WhatsApp media before a flow sees them: the
/// type is read from the bytes, the size is limited, and the person is told politely what was refused.
/// </summary>
public sealed class EmailAttachmentTests(MailServer server) : IClassFixture<MailServer>, IAsyncLifetime
{
    private readonly MailHarness _mail = new(server);

    public async Task InitializeAsync() => await _mail.StartHostAsync();

    public async Task DisposeAsync() => await _mail.Host!.DisposeAsync();

    [Fact]
    public async Task A_12_MB_scan_is_refused_with_the_limit_named()
    {
        var pdf = new byte[12 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var sent = await _mail.SendAsync(WithFile(_mail.Compose("warga1", "Berkas KTP", "Berikut KTP saya."), "ktp.pdf", "application/pdf", pdf));

        var answer = await _mail.WaitForAnswerAsync(sent);
        Assert.Contains("terlalu besar", answer.TextBody);
        Assert.Contains("10 MB", answer.TextBody);
        Assert.Empty(await StoredFilesAsync("warga1"));
    }

    [Fact]
    public async Task A_program_disguised_as_a_photo_is_refused_and_never_stored()
    {
        var program = new byte[4096];
        "MZ\u0090\0\u0003\0\0\0"u8.CopyTo(program);
        var sent = await _mail.SendAsync(WithFile(_mail.Compose("warga2", "Foto KTP", "Ini foto KTP saya."), "ktp.jpg", "image/jpeg", program));

        var answer = await _mail.WaitForAnswerAsync(sent);
        Assert.Contains("tidak dapat kami terima", answer.TextBody);
        Assert.Contains("JPG/PNG", answer.TextBody);
        Assert.Empty(await StoredFilesAsync("warga2"));
        Assert.Empty(Directory.Exists(MediaRoot) ? Directory.GetFiles(MediaRoot, "*.exe") : []);
    }

    [Fact]
    public async Task A_real_photo_is_kept_privately_with_the_type_its_bytes_show()
    {
        // A JPEG that the mail client called a PDF: kept, as the JPEG it is.
        var jpeg = new byte[20_000];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46 }.CopyTo(jpeg, 0);
        var sent = await _mail.SendAsync(WithFile(_mail.Compose("warga3", "KTP", "KTP terlampir."), "ktp.pdf", "application/pdf", jpeg));

        var answer = await _mail.WaitForAnswerAsync(sent);
        Assert.DoesNotContain("tidak dapat kami terima", answer.TextBody);
        Assert.DoesNotContain("terlalu besar", answer.TextBody);
        var file = Assert.Single(await StoredFilesAsync("warga3"));
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Equal("ktp.pdf", file.FileName);
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(file.StoragePath));
        Assert.StartsWith(MediaRoot, file.StoragePath, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file.StoragePath));
        }
    }

    private string MediaRoot => Path.Combine(_mail.Host!.Directory, "media");

    private static MimeMessage WithFile(MimeMessage message, string fileName, string contentType, byte[] content)
    {
        var body = new BodyBuilder { TextBody = message.TextBody };
        body.Attachments.Add(fileName, content, ContentType.Parse(contentType));
        message.Body = body.ToMessageBody();
        return message;
    }

    private async Task<List<StoredAttachment>> StoredFilesAsync(string user)
    {
        await using var db = await _mail.Host!.Store.CreateDbContextAsync();
        var rows = await db.InboundMessages.AsNoTracking()
            .Where(m => m.Channel == ChannelKind.Email && m.From == server.Address(user))
            .Select(m => m.Attachments)
            .ToListAsync();
        return rows.Where(json => json != null)
            .SelectMany(json => System.Text.Json.JsonSerializer.Deserialize<List<StoredAttachment>>(json!)!)
            .ToList();
    }
}
