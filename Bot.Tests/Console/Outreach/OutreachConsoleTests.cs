using System.Net;
using ChatBot.Bot.Flows.Outreach;
using ChatBot.Bot.Tests.Flows.Outreach;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Outreach;
using ChatBot.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Console.Outreach;

/// <summary>Who may see outreach requests, how their deadlines show, the head's refusal, and the IKM figure.</summary>
public sealed class OutreachConsoleTests(ConsoleHost fixture) : IClassFixture<ConsoleHost>
{
    private TestHost Host => fixture.Host;

    private static Task<RequestActionStatus> ActAsync(TestHost host, long id, string step, Officer officer, StepInput input) =>
        Desk.ActAsync<OutreachRequest, OutreachStatus>(host, id, step, officer, input);

    [Fact]
    public async Task A_visit_officer_is_refused_the_list_the_request_and_its_letter_and_does_not_read_its_form_in_the_transcript()
    {
        var request = await OutreachWorld.FileByChatAsync(Host, "081300092001");

        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);
        var page = await head.Http.GetStringAsync($"/console/penyuluhan/{request.Id}");
        Assert.Contains("Slamet Riyadi", page);
        Assert.Contains("href=\"/console/penyuluhan\"", await head.Http.GetStringAsync("/console"));

        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        Assert.DoesNotContain("href=\"/console/penyuluhan\"", await visits.Http.GetStringAsync("/console"));
        foreach (var path in new[] { "/console/penyuluhan", $"/console/penyuluhan/{request.Id}", $"/console/penyuluhan/{request.Id}/surat" })
        {
            var refused = await visits.Http.GetAsync(path);
            // Refused: 403/404, or sent to the console's "not allowed" page.
            Assert.True(
                refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("/console/ditolak", StringComparison.Ordinal)),
                $"{path}: {refused.StatusCode} {refused.Headers.Location}");
            Assert.DoesNotContain("Slamet Riyadi", await refused.Content.ReadAsStringAsync());
        }

        // The conversation the request was filed in: its form's lines are kept from them, not from the head.
        var transcript = await visits.Http.GetStringAsync($"/console/percakapan/{request.ConversationId}");
        Assert.DoesNotContain("Slamet Riyadi", transcript);
        Assert.DoesNotContain("0812 3456 7200", transcript);
        Assert.Contains("Slamet Riyadi", await head.Http.GetStringAsync($"/console/percakapan/{request.ConversationId}"));

        // Nor may they take a step through the desk.
        var visitOfficer = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.VisitOfficer);
        Assert.Equal(RequestActionStatus.Forbidden, await ActAsync(Host, request.Id, OutreachRequests.Steps.Register, visitOfficer, new StepInput()));
    }

    [Fact]
    public async Task The_list_shows_each_request_on_time_at_risk_or_late_against_the_30_minutes_for_registering()
    {
        var now = DateTime.UtcNow;
        var late = await OutreachWorld.InStoreAsync(Host, now.AddHours(-2), "SD Negeri 1 Late");
        var atRisk = await OutreachWorld.InStoreAsync(Host, now.AddMinutes(-27), "SD Negeri 2 Risk");
        var onTime = await OutreachWorld.InStoreAsync(Host, now.AddMinutes(-2), "SD Negeri 3 Ok");

        using var desk = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);
        var html = await desk.Http.GetStringAsync("/console/penyuluhan");
        Assert.Contains($"data-code=\"{late.Code}\" data-timeliness=\"late\"", html);
        Assert.Contains($"data-code=\"{atRisk.Code}\" data-timeliness=\"at-risk\"", html);
        Assert.Contains($"data-code=\"{onTime.Code}\" data-timeliness=\"on-time\"", html);
    }

    [Fact]
    public async Task The_head_declines_with_a_reason_the_requester_is_told_and_only_the_head_may()
    {
        var request = await OutreachWorld.FileByChatAsync(Host, "081300092003");
        var pk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);

        Assert.Equal(RequestActionStatus.Forbidden, await ActAsync(Host, request.Id, OutreachRequests.Steps.Decline, pk, new StepInput("Tidak bisa")));
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, request.Id, OutreachRequests.Steps.Decline, head, new StepInput("")));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, request.Id, OutreachRequests.Steps.Decline, head, new StepInput("Tim sedang bertugas di luar kota pada tanggal itu.")));

        await OutreachWorld.ToldAsync(Host, request.ConversationId, request.Code, "*tidak dapat kami laksanakan*", "Tim sedang bertugas di luar kota");
        await Host.Chat("081300092003")
            .Send($"status {request.Code}").Expect("*Tidak dapat dilaksanakan*", "Tim sedang bertugas di luar kota")
            .RunAsync();
        Assert.Equal(RequestActionStatus.Conflict, await ActAsync(Host, request.Id, OutreachRequests.Steps.Register, head, new StepInput()));
    }

    [Fact]
    public async Task A_rating_counts_in_the_IKM_figure_for_those_who_handle_outreach_and_can_be_given_later_with_nilai()
    {
        var request = await OutreachWorld.FileByChatAsync(Host, "081300092004");
        var head = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kepala);
        var kasubsi = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Kasubsi);
        var pk = await ConsoleClient.CreateOfficerAsync(Host, OfficerRole.Pk);
        var office = (Host.Services.GetService(typeof(ChatBot.Domain.Offices.OfficeDirectory)) as ChatBot.Domain.Offices.OfficeDirectory)!.Default!;
        var when = office.ToLocal(DateTime.UtcNow).Date.AddDays(2).AddHours(10).ToString(OutreachRequests.ScheduleFormat, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, request.Id, OutreachRequests.Steps.Register, head, new StepInput()));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, request.Id, OutreachRequests.Steps.Dispose, head, new StepInput(Reference: kasubsi.Id)));
        // A team of officers of another office, or none, is refused.
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, request.Id, OutreachRequests.Steps.Appoint, kasubsi, new StepInput(Fields: new Dictionary<string, string> { ["team"] = "" })));
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, request.Id, OutreachRequests.Steps.Appoint, kasubsi, new StepInput(Fields: new Dictionary<string, string> { ["team"] = "999999" })));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, request.Id, OutreachRequests.Steps.Appoint, kasubsi, new StepInput(Fields: new Dictionary<string, string> { ["team"] = $"{pk.Id}" })));
        // A date in the past is refused.
        Assert.Equal(RequestActionStatus.Invalid, await ActAsync(Host, request.Id, OutreachRequests.Steps.Schedule, pk, new StepInput(Choice: "2020-01-01T09:00")));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, request.Id, OutreachRequests.Steps.Schedule, pk, new StepInput(Choice: when)));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, request.Id, OutreachRequests.Steps.Hold, pk, new StepInput()));
        Assert.Equal(RequestActionStatus.Done, await ActAsync(Host, request.Id, OutreachRequests.Steps.Report, pk,
            new StepInput("Penyuluhan berjalan lancar.", Fields: new Dictionary<string, string> { ["attendance"] = "58" })));
        await OutreachWorld.ToldAsync(Host, request.ConversationId, "Seberapa puas Anda dengan penyuluhan ini?");

        // Gone to the menu instead of answering: rated later with "nilai CODE".
        await Host.Chat("081300092004")
            .Send("menu").Expect("Silakan pilih layanan")
            .Send($"nilai {request.Code}").Expect("Seberapa puas")
            .Send("8").Expect("1 sampai 5")
            .Send("4").Expect("saran atau komentar")
            .Send("lewati").Expect("Terima kasih atas penilaian")
            .Send($"nilai {request.Code}").Expect("Terima kasih atas penilaian").ExpectNot("Seberapa puas")
            .RunAsync();
        await Host.Chat("081300092099").Send($"nilai {request.Code}").Expect("tidak kami temukan").RunAsync();

        await using (var db = Host.Store.CreateDbContext())
        {
            var stored = await db.OutreachRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id);
            Assert.Equal(4, stored.SurveyScore);
            Assert.Null(stored.SurveyComment);
        }

        using var headClient = ConsoleClient.For(Host);
        await headClient.SignInAsync(head.UserName, ConsoleClient.Password);
        var text = await ConsoleClient.TextAsync(await headClient.Http.GetAsync("/console/pengaduan"));
        Assert.Contains("Survei kepuasan (IKM): pengaduan dan penyuluhan", text);
        Assert.Matches(@"\d+ penilaian \(\d+ pengaduan, [1-9]\d* penyuluhan\)", text);

        // A visit officer may not see outreach requests, so not their ratings either.
        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        var theirs = await ConsoleClient.TextAsync(await visits.Http.GetAsync("/console/pengaduan"));
        Assert.DoesNotMatch(@"[1-9]\d* penyuluhan\)", theirs);
    }
}
