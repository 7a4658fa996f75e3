using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Console.Conversations;

/// <summary>Admins keep the office's ready-made answers; other roles cannot change them.</summary>
public sealed class CannedRepliesPageTests(ConsoleHost console) : IClassFixture<ConsoleHost>
{
    [Fact]
    public async Task An_admin_adds_and_deletes_a_canned_reply_and_it_is_audited()
    {
        using var admin = await ConsoleClient.SignedInAsync(console.Host, OfficerRole.Admin);
        var page = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/jawaban"));
        Assert.Contains("Layanan gratis", page);

        var added = await admin.PostFormAsync("/console/jawaban", [new("Title", "Jam besuk"), new("Body", "Besuk video call Senin–Kamis.")], "/console/jawaban?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Besuk video call Senin–Kamis.", await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/jawaban")));

        var empty = await admin.PostFormAsync("/console/jawaban", [new("Title", ""), new("Body", "")], "/console/jawaban?handler=Add");
        Assert.Contains("wajib diisi", await ConsoleClient.TextAsync(empty));

        await using var db = console.Host.Store.CreateDbContext();
        var id = db.CannedReplies.Single(c => c.Title == "Jam besuk").Id;
        await admin.PostFormAsync("/console/jawaban", [], $"/console/jawaban?handler=Delete&id={id}");
        Assert.DoesNotContain(db.CannedReplies.ToList(), c => c.Title == "Jam besuk");
        Assert.Contains(db.AuditEntries.ToList(), a => a.Action == "canned.create");
        Assert.Contains(db.AuditEntries.ToList(), a => a.Action == "canned.delete");
    }

    [Fact]
    public async Task A_service_officer_cannot_open_or_change_them()
    {
        using var officer = await ConsoleClient.SignedInAsync(console.Host, OfficerRole.ServiceOfficer);
        var response = await officer.Http.GetAsync("/console/jawaban");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"Got {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/console/ditolak", response.Headers.Location!.ToString());
        }
    }
}
