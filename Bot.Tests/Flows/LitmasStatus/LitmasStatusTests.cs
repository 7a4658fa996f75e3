using ChatBot.Bot.Flows.LitmasStatus;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Audit;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Lookups;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Flows.LitmasStatus;

public sealed class LitmasStatusTests(LitmasHost fixture) : IClassFixture<LitmasHost>
{
    private TestHost Host => fixture.Host;

    [Fact]
    public async Task Happy_path_the_loosely_typed_number_gives_stage_date_pk_and_next_step_but_not_the_client()
    {
        await fixture.AddCaseAsync("LIT-101/PKU/2026", client: "Rahmat Hidayat");
        await Host.Chat("081200009001")
            .Send("halo").Expect("2. Status litmas")
            .Send("2").Expect("nomor registrasi litmas")
            .Send(" lit 101 pku-2026 ").Expect("LIT-101/PKU/2026", "Permintaan diterima", "Diperbarui:", "Dewi Lestari, S.Sos",
                "Selanjutnya:", "PK yang ditunjuk akan menghubungi", "kabari")
            // The request already names its PK: nobody is still to be appointed.
            .ExpectNot("Rahmat", "Hidayat", "akan menunjuk")
            .Send("tidak").Expect("status litmas", "*menu*")
            .Send("menu").Expect("Silakan pilih layanan")
            .RunAsync();
    }

    [Fact]
    public async Task An_unknown_number_is_explained_and_the_right_one_is_then_answered()
    {
        await fixture.AddCaseAsync("LIT-102/PKU/2026");
        await Host.Chat("081200009002")
            .Send("2").Expect("nomor registrasi litmas")
            .Send("LIT-999/PKU/2026").Expect("tidak kami temukan", "LIT-999/PKU/2026", "*petugas*").ExpectNot("Dewi")
            .Send("lit/102/pku/2026").Expect("Permintaan diterima", "Dewi Lestari")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        var attempts = await db.LookupAttempts.Where(a => a.Sender == "+6281200009002").OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([false, true], attempts.Select(a => a.Found));
        Assert.All(attempts, a => Assert.Equal(LookupKinds.Litmas, a.Kind));
    }

    [Fact]
    public async Task After_a_few_unknown_numbers_the_sender_is_paused_even_for_a_real_number()
    {
        await fixture.AddCaseAsync("LIT-103/PKU/2026");
        var chat = Host.Chat("081200009003").Send("2").Expect("nomor registrasi litmas");
        for (var i = 1; i <= LitmasHost.MaxFailures; i++)
        {
            chat.Send($"LIT-90{i}/PKU/2026").Expect("tidak kami temukan");
        }

        await chat
            .Send("LIT-103/PKU/2026").Expect("terlalu banyak", "coba lagi setelah pukul").ExpectNot("Dewi", "Permintaan diterima")
            .Send("status litmas LIT-103/PKU/2026").Expect("terlalu banyak").ExpectNot("Dewi")
            .RunAsync();

        // Someone else is not affected.
        await Host.Chat("081200009013").Send("status litmas LIT-103/PKU/2026").Expect("Dewi Lestari").RunAsync();
    }

    [Fact]
    public async Task A_subscriber_is_told_when_an_officer_changes_the_stage()
    {
        const string phone = "+6281200009004";
        var id = await fixture.AddCaseAsync("LIT-104/PKU/2026");
        using var inbox = Host.Hub.Subscribe(phone);
        await Host.Chat(phone)
            .Send("status litmas LIT-104/PKU/2026").Expect("Permintaan diterima", "kabari")
            .Send("ya").Expect("mengabari Anda", "BERHENTI")
            .RunAsync();

        Assert.Equal(LitmasActionResult.Done, await fixture.Cases.ChangeStageAsync(id, LitmasStage.PkDitunjuk, "PK ditunjuk Kabapas", 0, new Actor(null, "kabapas"), CancellationToken.None));
        var notice = await LitmasHost.NextAsync(inbox, "Kabar litmas");
        Assert.Contains("LIT-104/PKU/2026", notice);
        Assert.Contains("PK sudah ditunjuk", notice);
        Assert.Contains("wawancara", notice);

        await using var db = Host.Store.CreateDbContext();
        var sent = await db.OutboundMessages.SingleAsync(m => m.To == phone && m.Kind == OutboundKind.Proactive);
        Assert.Equal(LitmasCaseService.Topic, sent.Topic);
        Assert.Contains("\"litmas_number\":\"LIT-104/PKU/2026\"", sent.Payload);

        // Asking again: already subscribed, no second subscription.
        await Host.Chat(phone).Send("status litmas lit104pku2026").Expect("PK sudah ditunjuk", "sudah terdaftar").RunAsync();
        Assert.Equal(1, await db.LitmasSubscriptions.CountAsync(s => s.CaseId == id));
    }

    [Fact]
    public async Task Status_litmas_inside_another_flow_answers_and_asks_that_flows_question_again()
    {
        await fixture.AddCaseAsync("LIT-105/PKU/2026");
        await Host.Chat("081200009005")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("Siti Aminah").Expect("tanggal berapa?")
            .Send("status litmas LIT 105 PKU 2026").Expect("Permintaan diterima", "Dewi Lestari", "tanggal berapa?").ExpectNot("kabari")
            .Send("besok").Expect("Nomor HP")
            .RunAsync();
    }

    [Fact]
    public Task Status_litmas_with_an_unknown_number_inside_another_flow_keeps_the_flow() =>
        Host.Chat("081200009006")
            .Send("1").Expect("Siapa nama Anda?")
            .Send("status litmas XYZ-1").Expect("tidak kami temukan", "Siapa nama Anda?")
            .Send("Budi").Expect("Halo Budi")
            .RunAsync();

    [Fact]
    public async Task In_English_the_status_is_in_English()
    {
        await fixture.AddCaseAsync("LIT-107/PKU/2026");
        await Host.Chat("081200009007")
            .Send("english").Expect("English")
            .Send("2").Expect("litmas registration number")
            .Send("LIT-107/PKU/2026").Expect("Request received", "Last updated", "Probation officer (PK): Dewi Lestari", "Next:")
            .Send("no").Expect("status litmas")
            .RunAsync();
    }

    [Fact]
    public Task An_empty_looking_number_is_not_a_crash() =>
        Host.Chat("081200009008")
            .Send("2").Expect("nomor registrasi litmas")
            .Send("///---").Expect("tidak kami temukan")
            .Send("batal").Expect("Silakan pilih layanan")
            .RunAsync();

    [Fact]
    public async Task A_question_at_the_number_prompt_is_explained_and_not_counted_as_a_failed_lookup()
    {
        await Host.Chat("081200009061")
            .Send("status litmas").Expect("nomor registrasi litmas")
            .Send("Nomor litmas kok gak ketemu?").Expect("tertulis pada surat permintaan litmas", "Mohon jawab pertanyaan ini", "nomor registrasi litmas")
            .RunAsync();

        await using var db = Host.Store.CreateDbContext();
        Assert.False(await db.LookupAttempts.AnyAsync(a => a.Sender == "+6281200009061"));
    }

    [Fact]
    public async Task The_status_command_typed_inside_the_litmas_flow_answers_it_instead_of_asking_for_the_number_again()
    {
        await fixture.AddCaseAsync("LIT-161/PKU/2026");
        await Host.Chat("081200009062")
            .Send("halo").Send("2").Expect("nomor registrasi litmas")
            .Send("status litmas LIT-161/PKU/2026").Expect("LIT-161/PKU/2026", "Permintaan diterima", "kabari").ExpectNot("Silakan ketik *nomor registrasi litmas*")
            .Send("ya").Expect("Baik, kami akan mengabari")
            .RunAsync();
    }
}
