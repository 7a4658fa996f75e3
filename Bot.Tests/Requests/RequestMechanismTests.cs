using System.Net;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Requests;

/// <summary>
/// The request mechanism with a type only tests know (<see cref="TestRequestType"/>), end to end: the
/// person files it by chat and gets a code; officers of two roles take its three steps in the
/// console; the person is told at each step exactly once; the status by code answers the filer only;
/// every step is in the history and the audit log.
/// </summary>
public sealed class RequestMechanismTests : IAsyncLifetime
{
    private const string Phone = "081200009301";
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(services: TestRequestType.Register, extraDialogs: [new TestFilingDialog(TestRequestType.Shared)]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_type_declared_once_is_filed_by_chat_handled_in_the_console_and_answered_by_code()
    {
        var chat = _host.Chat(Phone);
        await chat.Send("halo").Expect("Selamat datang")
            .Send("2").Expect("satu pesan")
            .Send("Mohon izin menjenguk orang tua yang sakit di Magelang.").Expect("kode UJI-")
            .RunAsync();
        var code = TicketCode.Find(TestRequestType.Prefix, chat.LastReply)!;
        long id;
        await using (var db = _host.Store.CreateDbContext())
        {
            id = await db.Complaints.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
        }

        using var desk = await ConsoleClient.SignedInAsync(_host, OfficerRole.ServiceOfficer);
        using var head = await ConsoleClient.SignedInAsync(_host, OfficerRole.Kepala);
        using var visits = await ConsoleClient.SignedInAsync(_host, OfficerRole.VisitOfficer);
        var page = $"/console/permohonan/{TestRequestType.Kind}/{id}";

        // Only the roles the type names may open it; each sees the forms of the steps that are theirs.
        Assert.True((await visits.Http.GetAsync(page)).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        var forDesk = await ConsoleClient.TextAsync(await desk.Http.GetAsync(page));
        Assert.Contains("Mohon izin menjenguk", forDesk);
        Assert.Contains("data-step-form=\"periksa\"", forDesk);
        Assert.Contains("2 hari kerja", forDesk);
        Assert.DoesNotContain("data-step-form", await ConsoleClient.TextAsync(await head.Http.GetAsync(page)));
        Assert.Contains(code, await ConsoleClient.TextAsync(await desk.Http.GetAsync($"/console/permohonan/{TestRequestType.Kind}")));

        // The head may not take the desk's step, nor a step out of order.
        Assert.False(Saved(await StepAsync(head, page, "periksa", revision: 0)));
        await StepAsync(head, page, "setujui", revision: 0, text: "Terlalu cepat.", choice: "ya");
        Assert.Equal(ChatBot.Domain.Complaints.ComplaintStatus.Received, await StatusAsync(code));
        Assert.True(Saved(await StepAsync(desk, page, "periksa", revision: 0)));
        Assert.Equal(ChatBot.Domain.Complaints.ComplaintStatus.Reviewed, await StatusAsync(code));
        // A second officer posting the same form (the old revision) changes nothing.
        await StepAsync(desk, page, "periksa", revision: 0);
        Assert.True(Saved(await StepAsync(head, page, "setujui", revision: 1, text: "Boleh, lapor ke Bapas Magelang.", choice: "syarat")));
        Assert.True(Saved(await StepAsync(desk, page, "selesaikan", revision: 2)));

        var done = await ConsoleClient.TextAsync(await desk.Http.GetAsync(page));
        Assert.Contains("Boleh, lapor ke Bapas Magelang.", done);
        Assert.DoesNotContain("data-step-form", done);

        // The person was told at each step, once, and may ask the status by code; nobody else may.
        await WaitForAsync(async () => (await SentAsync()).Any(b => b.Contains("selesai", StringComparison.Ordinal)));
        var sent = await SentAsync();
        Assert.Single(sent, b => b.Contains($"Permohonan {code} sudah diperiksa.", StringComparison.Ordinal));
        Assert.Single(sent, b => b.Contains($"Permohonan {code} disetujui Kepala.", StringComparison.Ordinal));
        Assert.Single(sent, b => b.Contains($"Permohonan {code} selesai.", StringComparison.Ordinal));
        await _host.Chat(Phone).Send($"status {code}").Expect($"Permohonan {code}: tahap Closed").RunAsync();
        await _host.Chat("081200009302").Send($"status {code}").Expect($"Permohonan {code} tidak ditemukan").ExpectNot("tahap").RunAsync();

        await using var check = _host.Store.CreateDbContext();
        var history = await check.RequestEvents.Where(e => e.Kind == TestRequestType.Kind && e.Code == code).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["filed", "periksa", "setujui", "selesaikan"], history.Select(e => e.Step));
        var actions = await check.AuditEntries.Where(a => a.Subject == $"Uji/{id}").Select(a => a.Action).ToListAsync();
        Assert.Equal(1, actions.Count(a => a == "uji.periksa"));
        Assert.Contains("uji.setujui", actions);
        Assert.Contains("uji.selesaikan", actions);
        Assert.Contains("uji.view", actions);
    }

    /// <summary>The page took the post back to itself (not to the refusal page).</summary>
    private static bool Saved(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("ditolak", StringComparison.Ordinal) == false;

    private static Task<HttpResponseMessage> StepAsync(ConsoleClient officer, string page, string step, long revision, string text = "", string? choice = null)
    {
        List<KeyValuePair<string, string>> fields = [new("Step", step), new("Text", text), new("Revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        if (choice is not null)
        {
            fields.Add(new("Choice", choice));
        }

        return officer.PostFormAsync(page, fields, $"{page}?handler=Step");
    }

    private async Task<ChatBot.Domain.Complaints.ComplaintStatus> StatusAsync(string code)
    {
        await using var db = _host.Store.CreateDbContext();
        return await db.Complaints.Where(c => c.Code == code).Select(c => c.Status).SingleAsync();
    }

    private async Task<List<string>> SentAsync() =>
        [.. (await _host.Gateway.HistoryAsync(Phone, 100, CancellationToken.None)).Where(l => l.Direction == "out").Select(l => l.Body)];

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The expected messages did not arrive in time.");
            await Task.Delay(100);
        }
    }
}
