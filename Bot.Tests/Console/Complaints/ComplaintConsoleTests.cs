using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Console.Complaints;

/// <summary>
/// The complaint pages on a fake clock (Wednesday 30 December 2026, 10:00 WIB) with Christmas and the
/// collective leave day configured as holidays: late complaints are counted and marked, the reporter's
/// data is refused to other roles and never shown for an anonymous complaint.
/// </summary>
public sealed class ComplaintConsoleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 30, 3, 0, 0, TimeSpan.Zero);

    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(
        settings: new Dictionary<string, string?> { ["Sla:Holidays:0"] = "2026-12-24", ["Sla:Holidays:1"] = "2026-12-25" },
        services: s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Late_complaints_are_highlighted_and_counted()
    {
        // Received Wed 23 Dec: with the two holidays, the review is due today, so it is not late yet.
        await AddAsync("ADU-AAAAA2", new DateOnly(2026, 12, 23), ComplaintStatus.Received);
        // Received Thu 17 Dec: review was due Tue 22 Dec.
        await AddAsync("ADU-BBBBB2", new DateOnly(2026, 12, 17), ComplaintStatus.Received);
        // Received Tue 1 Dec and followed up: the answer was due Mon 21 Dec.
        await AddAsync("ADU-CCCCC2", new DateOnly(2026, 12, 1), ComplaintStatus.FollowedUp);
        // Closed complaints are never late.
        await AddAsync("ADU-DDDDD2", new DateOnly(2026, 12, 1), ComplaintStatus.Closed);

        using var officer = await ConsoleClient.SignedInAsync(_host, OfficerRole.ServiceOfficer);
        var response = await officer.Http.GetAsync("/console/pengaduan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await ConsoleClient.TextAsync(response);
        Assert.Contains("id=\"late-count\">2<", html);
        Assert.Contains("id=\"late-review-count\">1<", html);
        Assert.Contains("id=\"late-answer-count\">1<", html);
        Assert.Contains("data-complaint=\"ADU-BBBBB2\" data-late=\"true\"", html);
        Assert.Contains("data-complaint=\"ADU-CCCCC2\" data-late=\"true\"", html);
        Assert.Contains("data-complaint=\"ADU-AAAAA2\" data-late=\"false\"", html);
        Assert.Contains("Rab, 30-12-2026", html);

        // The late ones come first.
        Assert.True(html.IndexOf("ADU-BBBBB2", StringComparison.Ordinal) < html.IndexOf("ADU-AAAAA2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reporter_data_is_for_the_head_and_the_desk_and_never_for_an_anonymous_complaint()
    {
        var named = await AddAsync("ADU-EEEEE2", new DateOnly(2026, 12, 29), ComplaintStatus.Received, "+6281200071234", reporter: "Budi Santoso");
        var anonymous = await AddAsync("ADU-FFFFF2", new DateOnly(2026, 12, 29), ComplaintStatus.Received, "+6281200075678", reporter: null);

        foreach (var role in new[] { OfficerRole.Pk, OfficerRole.VisitOfficer, OfficerRole.Admin })
        {
            using var other = await ConsoleClient.SignedInAsync(_host, role);
            var refused = await other.Http.GetAsync($"/console/pengaduan/{named}/pelapor");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/console/ditolak", refused.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(refused.Headers.Location)).StatusCode);

            // The complaint itself is open to them, without the reporter.
            var detail = await ConsoleClient.TextAsync(await other.Http.GetAsync($"/console/pengaduan/{named}"));
            Assert.DoesNotContain("Budi Santoso", detail);
            Assert.DoesNotContain("81200071234", detail);
        }

        using var head = await ConsoleClient.SignedInAsync(_host, OfficerRole.Kepala);
        var shown = await ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/pengaduan/{named}/pelapor"));
        Assert.Contains("Budi Santoso", shown);
        Assert.Contains("+6281200071234", shown);

        foreach (var path in new[] { $"/console/pengaduan/{anonymous}/pelapor", $"/console/pengaduan/{anonymous}", "/console/pengaduan" })
        {
            var page = await head.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var text = await ConsoleClient.TextAsync(page);
            Assert.DoesNotContain("75678", text);
        }

        Assert.Contains("anonim", await ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/pengaduan/{anonymous}/pelapor")));

        // Nor through the conversation the complaint came from, which any officer may open, nor in
        // the queue when the person later asks for an officer.
        await using (var lookup = _host.Store.CreateDbContext())
        {
            var conversationId = await lookup.Complaints.Where(c => c.Id == anonymous).Select(c => c.ConversationId).SingleAsync();
            await lookup.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(u => u.SetProperty(c => c.DisplayName, "Rahmat Hidayat"));
            lookup.Handovers.Add(new Handover
            {
                ConversationId = conversationId, OfficeId = ConsoleData.DefaultOfficeId(_host), Status = HandoverStatus.Waiting,
                Reason = "asked", RequestedAt = Now.UtcDateTime,
            });
            using (await _host.Store.Gate.EnterAsync(CancellationToken.None))
            {
                await lookup.SaveChangesAsync();
            }

            using var pk = await ConsoleClient.SignedInAsync(_host, OfficerRole.Pk);
            var queue = await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/percakapan"));
            Assert.Contains("Menunggu", queue);
            Assert.DoesNotContain("Rahmat Hidayat", queue);
            Assert.DoesNotContain("75678", queue);
            foreach (var officer in new[] { head, pk })
            {
                var transcript = await officer.Http.GetAsync($"/console/percakapan/{conversationId}");
                Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
                var text = await ConsoleClient.TextAsync(transcript);
                Assert.DoesNotContain("75678", text);
                Assert.DoesNotContain("Rahmat Hidayat", text);
                // The head reads complaints and is told why nobody is named; a PK, who may not read
                // complaints, is not even told that this person complained anonymously.
                if (officer == head)
                {
                    Assert.Contains("Pelapor anonim", text);
                }
                else
                {
                    Assert.DoesNotContain("anonim", text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        await using var db = _host.Store.CreateDbContext();
        var audited = await db.AuditEntries.Where(a => a.Subject == $"Complaint/{named}").Select(a => a.Action).ToListAsync();
        Assert.Contains("complaint.reporter.view", audited);
        Assert.Contains("complaint.view", audited);
    }

    [Fact]
    public async Task An_officer_who_may_take_no_step_is_told_who_does()
    {
        var received = await AddAsync("ADU-GGGGG2", new DateOnly(2026, 12, 29), ComplaintStatus.Received);
        var reviewed = await AddAsync("ADU-HHHHH2", new DateOnly(2026, 12, 28), ComplaintStatus.Reviewed);
        var closed = await AddAsync("ADU-JJJJJ2", new DateOnly(2026, 12, 1), ComplaintStatus.Closed);
        var official = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.VisitOfficer);
        await using (var db = _host.Store.CreateDbContext())
        {
            await db.Complaints.Where(c => c.Id == reviewed).ExecuteUpdateAsync(u => u.SetProperty(c => c.ResponsibleOfficerId, official.Id));
        }

        using var admin = await ConsoleClient.SignedInAsync(_host, OfficerRole.Admin);
        var page = await ConsoleClient.TextAsync(await admin.Http.GetAsync($"/console/pengaduan/{received}"));
        Assert.DoesNotContain("id=\"review-form\"", page);
        Assert.Contains(
            "<div class=\"alert alert-warn\" role=\"note\" id=\"no-action\">Tahap berikutnya, Telaah Kepala, diambil oleh Kepala kantor. "
            + "Anda masuk sebagai Admin, jadi tidak ada tindakan untuk Anda pada pengaduan ini.</div>",
            page);

        var followUp = await ConsoleClient.TextAsync(await admin.Http.GetAsync($"/console/pengaduan/{reviewed}"));
        Assert.Contains("Tahap berikutnya, Tindak lanjut, diambil oleh Kepala kantor atau penanggung jawab pengaduan ini, Petugas VisitOfficer.", followUp);

        var done = await ConsoleClient.TextAsync(await admin.Http.GetAsync($"/console/pengaduan/{closed}"));
        Assert.Contains("Pengaduan ini sudah dijawab dan ditutup", done);

        // Whoever may take the step gets the form and no hint.
        using var head = await ConsoleClient.SignedInAsync(_host, OfficerRole.Kepala);
        var own = await ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/pengaduan/{received}"));
        Assert.Contains("id=\"review-form\"", own);
        Assert.DoesNotContain("id=\"no-action\"", own);
    }

    private async Task<long> AddAsync(string code, DateOnly received, ComplaintStatus status, string? address = null, string? reporter = "Warga")
    {
        var office = ConsoleData.DefaultOfficeId(_host);
        var calendar = _host.Services.GetRequiredService<WorkingDayCalendar>();
        await using var db = _host.Store.CreateDbContext();
        var (review, answer) = ComplaintRules.Deadlines(calendar, new ComplaintOptions(), received, (await db.Offices.FindAsync(office))!);
        var conversation = new Conversation { OfficeId = office, Channel = ChannelKind.WhatsApp, UserAddress = address ?? $"+62812{Random.Shared.Next(10_000_000, 99_999_999)}", CreatedAt = Now.UtcDateTime };
        var complaint = new Complaint
        {
            Code = code,
            OfficeId = office,
            Conversation = conversation,
            Channel = ChannelKind.WhatsApp,
            Category = ComplaintCategory.Facilities,
            Description = "Kursi ruang tunggu rusak.",
            Anonymous = reporter is null,
            ReporterName = reporter,
            Status = status,
            ReceivedAt = received.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
            VerificationDue = review,
            AnswerDue = answer,
        };
        db.Complaints.Add(complaint);
        using (await _host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }

        return complaint.Id;
    }
}
