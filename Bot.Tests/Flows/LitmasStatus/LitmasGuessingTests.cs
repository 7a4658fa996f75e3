using System.Globalization;
using System.Net;
using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Lookups;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.LitmasStatus;

/// <summary>
/// Someone guessing litmas numbers from many phones, each staying under the per-person limit: the
/// office-wide limit pauses everyone the office does not know, and officers see it on the dashboard.
/// </summary>
public sealed class LitmasGuessingTests : IAsyncLifetime
{
    private const int OfficeLimit = 50;

    private const string Alert = "Banyak pencarian nomor yang tidak dikenal: 50 dalam 1 jam terakhir — pencarian dari nomor baru dijeda.";

    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Lookups:MaxFailures"] = "5",
            ["Lookups:OfficeMaxFailures"] = OfficeLimit.ToString(CultureInfo.InvariantCulture),
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Guesses_from_fifty_numbers_are_paused_at_the_office_limit_a_known_client_is_still_answered_and_officers_are_alerted()
    {
        await AddCaseAsync(_host, "LIT-201/PKU/2026");
        await AddCaseAsync(_host, "LIT-202/PKU/2026");
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await _host.Services.GetRequiredService<OfficeSettings>().UpdateAsync(office.Id, o => o.Phone = "(0761) 571234", "test", CancellationToken.None);
        // A client who checked their case before the guessing began.
        await _host.Chat("081200020001").Send("status litmas LIT-201/PKU/2026").Expect("Dewi Lestari").Send("tidak").RunAsync();

        // 200 guesses at once: 50 numbers, 4 each (below the 5 one number may try).
        var chats = Enumerable.Range(0, 50).Select(n =>
        {
            var replies = new List<string>();
            var chat = _host.Chat($"08120003{n:0000}");
            for (var i = 0; i < 4; i++)
            {
                chat.Send($"status litmas LIT-{n * 4 + i + 1000}/PKU/2026").Keep(replies);
            }

            return (Chat: chat, Replies: replies);
        }).ToList();
        await Task.WhenAll(chats.Select(c => c.Chat.RunAsync()));

        var replies = chats.SelectMany(c => c.Replies).ToList();
        Assert.Equal(200, replies.Count);
        Assert.Equal(OfficeLimit, replies.Count(r => r.Contains("tidak kami temukan", StringComparison.Ordinal)));
        Assert.Equal(200 - OfficeLimit, replies.Count(r => r.Contains("sedang sangat sibuk", StringComparison.Ordinal)));
        // The pause says the service is busy, not that anyone is guessing or that the number is unknown.
        Assert.All(replies.Where(r => r.Contains("sibuk", StringComparison.Ordinal)), r => Assert.DoesNotContain("tidak kami temukan", r));

        // New numbers are not told about the real cases, whether or not they exist.
        await _host.Chat("081200020002").Send("status litmas LIT-201/PKU/2026").Expect("sedang sangat sibuk", "coba lagi setelah pukul", "hubungi kantor", "Telepon kantor: (0761) 571234")
            .ExpectNot("Dewi", "Permintaan diterima", "tidak kami temukan").RunAsync();
        await _host.Chat("081200020003").Send("status litmas LIT-202/PKU/2026").Expect("sedang sangat sibuk").ExpectNot("Dewi").RunAsync();

        // The client who found their case before is answered about it, and only about it.
        await _host.Chat("081200020001")
            .Send("status litmas lit 201 pku 2026").Expect("Permintaan diterima", "Dewi Lestari")
            .Send("tidak").Send("status litmas LIT-202/PKU/2026").Expect("sedang sangat sibuk").ExpectNot("Dewi")
            .RunAsync();

        await using (var db = _host.Store.CreateDbContext())
        {
            Assert.Equal(OfficeLimit, await db.LookupAttempts.CountAsync(a => !a.Found));
        }

        // The head of office sees the alert with the way to the attempts, live too; a visit officer sees it
        // without the link (that page is not theirs); another office's head sees nothing.
        using var head = await ConsoleClient.SignedInAsync(_host, OfficerRole.Kepala);
        var dashboard = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console"));
        Assert.Contains(Alert, dashboard);
        Assert.Contains("href=\"/console/litmas/percobaan?gagal=true\"", dashboard);
        Assert.Contains(Alert, await ConsoleClient.TextAsync(await head.Http.GetAsync("/console?handler=figures")));
        // The link leads to the figures the office-wide limit counts.
        Assert.Contains($"nomor litmas {OfficeLimit}", await ConsoleClient.TextAsync(await head.Http.GetAsync("/console/litmas/percobaan?gagal=true")));

        using var visits = await ConsoleClient.SignedInAsync(_host, OfficerRole.VisitOfficer);
        var visitDashboard = await ConsoleClient.TextAsync(await visits.Http.GetAsync("/console"));
        Assert.Contains(Alert, visitDashboard);
        Assert.DoesNotContain("/console/litmas/percobaan", visitDashboard);

        var other = await ConsoleData.AddOfficeAsync(_host, OfficeType.Bapas);
        using var stranger = await ConsoleClient.SignedInAsync(_host, OfficerRole.Kepala, other.Id);
        var otherDashboard = await ConsoleClient.TextAsync(await stranger.Http.GetAsync("/console"));
        Assert.Contains("Pesan masuk hari ini", otherDashboard);
        Assert.DoesNotContain("pencarian nomor yang tidak dikenal", otherDashboard);
    }

    [Fact]
    public async Task Below_the_office_limit_there_is_no_alert()
    {
        for (var n = 0; n < 3; n++)
        {
            await _host.Chat($"08120004{n:0000}").Send("status litmas LIT-77/PKU/2026").Expect("tidak kami temukan").RunAsync();
        }

        using var head = await ConsoleClient.SignedInAsync(_host, OfficerRole.Kepala);
        var dashboard = await ConsoleClient.TextAsync(await head.Http.GetAsync("/console"));
        Assert.Contains("Pesan masuk hari ini", dashboard);
        Assert.DoesNotContain("pencarian nomor yang tidak dikenal", dashboard);
    }

    /// <summary>Enters a case as an officer would, received a few minutes ago.</summary>
    internal static async Task AddCaseAsync(IServiceProvider services, string number)
    {
        var office = services.GetRequiredService<OfficeDirectory>().Default!.Id;
        var (result, _) = await services.GetRequiredService<LitmasCaseService>().CreateAsync(
            office,
            new NewLitmasCase(number, "Andi Saputra", "Dewi Lestari, S.Sos", RequestingInstitution.Lapas, "Lapas Kelas IIA Pekanbaru", DateTime.UtcNow.AddMinutes(-5)),
            new Actor(null, "pk-test"),
            CancellationToken.None);
        Assert.Equal(LitmasActionResult.Done, result);
    }

    private static Task AddCaseAsync(TestHost host, string number) => AddCaseAsync(host.Services, number);
}

/// <summary>
/// The same guessing through signed Twilio webhooks: 40 guesses from 10 WhatsApp numbers, against an
/// office limit of 20; the answers go out through a fake Twilio on 127.0.0.1.
/// </summary>
public sealed class LitmasGuessingOnWhatsAppTests : IAsyncLifetime
{
    private const int OfficeLimit = 20;

    private FakeTwilioServer _twilio = null!;
    private TestHost _host = null!;
    private int _sid;

    public async Task InitializeAsync()
    {
        _twilio = await FakeTwilioServer.StartAsync();
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = _twilio.BaseAddress.ToString().TrimEnd('/'),
            ["Lookups:MaxFailures"] = "5",
            ["Lookups:OfficeMaxFailures"] = OfficeLimit.ToString(CultureInfo.InvariantCulture),
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Guesses_from_ten_whatsapp_numbers_are_paused_at_the_office_limit_and_a_known_client_is_still_answered()
    {
        await LitmasGuessingTests.AddCaseAsync(_host.Services, "LIT-301/PKU/2026");
        await LitmasGuessingTests.AddCaseAsync(_host.Services, "LIT-302/PKU/2026");
        using var http = _host.CreateClient();
        const string client = "+6281200050001";
        Assert.Contains("Dewi Lestari", await AskAsync(http, client, "status litmas LIT-301/PKU/2026"));
        await AskAsync(http, client, "tidak");

        // 40 signed guesses, 4 from each of 10 numbers, stored before any is answered.
        var guesses = new List<long>();
        for (var n = 0; n < 10; n++)
        {
            for (var i = 0; i < 4; i++)
            {
                guesses.Add(await PostAsync(http, $"+62812000600{n:00}", $"status litmas LIT-{n * 4 + i + 2000}/PKU/2026"));
            }
        }

        var answers = new List<string>();
        foreach (var id in guesses)
        {
            answers.Add(await AnswerToAsync(id));
        }

        Assert.Equal(OfficeLimit, answers.Count(a => a.Contains("tidak kami temukan", StringComparison.Ordinal)));
        Assert.Equal(40 - OfficeLimit, answers.Count(a => a.Contains("sedang sangat sibuk", StringComparison.Ordinal)));

        // Both real cases stay hidden from a new number; the known client still learns about theirs.
        var first = await AskAsync(http, "+6281200050002", "status litmas LIT-301/PKU/2026");
        var second = await AskAsync(http, "+6281200050003", "status litmas LIT-302/PKU/2026");
        Assert.Contains("sedang sangat sibuk", first);
        Assert.Contains("sedang sangat sibuk", second);
        Assert.Contains("Permintaan diterima", await AskAsync(http, client, "status litmas LIT-301/PKU/2026"));

        // What reached Twilio for the new numbers carries no case.
        var sent = await SentToAsync("whatsapp:+6281200050002", "whatsapp:+6281200050003");
        Assert.Equal(2, sent.Count);
        Assert.All(sent, body => Assert.DoesNotContain("Dewi", body));
    }

    /// <summary>Posts one message as Twilio would and returns its answer.</summary>
    private async Task<string> AskAsync(HttpClient http, string phone, string text) => await AnswerToAsync(await PostAsync(http, phone, text));

    /// <summary>Posts a signed webhook; returns the id the service stored the message under.</summary>
    private async Task<long> PostAsync(HttpClient http, string phone, string text)
    {
        var sid = $"SM{Interlocked.Increment(ref _sid):00000000000000000000000000000000}";
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", sid),
            new("AccountSid", FakeTwilioServer.AccountSid),
            new("From", "whatsapp:" + phone),
            new("To", FakeTwilioServer.From),
            new("Body", text),
            new("NumMedia", "0"),
            new("WaId", phone.TrimStart('+')),
        ];
        var url = new Uri(_host.BaseAddress, "/webhooks/whatsapp").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilioServer.AuthToken, url, form));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
        await using var db = _host.Store.CreateDbContext();
        return await db.InboundMessages.Where(m => m.ProviderMessageId == sid).Select(m => m.Id).SingleAsync();
    }

    /// <summary>The answer the turn queued for a stored message.</summary>
    private async Task<string> AnswerToAsync(long inboundId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = _host.Store.CreateDbContext();
            if (await db.OutboundMessages.Where(m => m.InboundMessageId == inboundId && m.Channel == ChannelKind.WhatsApp).Select(m => m.Body).FirstOrDefaultAsync() is { } body)
            {
                return body;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No answer to inbound message {inboundId}.");
    }

    /// <summary>The bodies Twilio accepted for these recipients (waits for one each).</summary>
    private async Task<List<string>> SentToAsync(params string[] recipients)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<string> bodies;
        do
        {
            bodies = [.. _twilio.Accepted.Where(r => recipients.Contains(r.To)).Select(r => r.Body ?? "")];
            if (bodies.Count >= recipients.Length)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        return bodies;
    }
}
