using System.Net;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Flows.Faq;

/// <summary>
/// What tired people ask before anything else (where, when, how much, what to bring) is answered
/// from anywhere, with the office's own settings, and the conversation goes on where it was.
/// </summary>
public sealed class FrequentQuestionTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var office = _host.Services.GetRequiredService<OfficeDirectory>().Default!;
        await _host.Services.GetRequiredService<OfficeSettings>().UpdateAsync(office.Id, o =>
        {
            o.Name = "Rutan Kelas I Tanjungpinang";
            o.Address = "Jl. Lembaga No. 1, Tanjungpinang";
            o.Phone = "(0771) 21234";
        }, "test", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Address_hours_cost_and_requirements_are_answered_before_any_flow_begins() =>
        await _host.Chat("081277004001")
            .Send("alamat rutan dimana ya?").Expect("Jl. Lembaga No. 1, Tanjungpinang", "(0771) 21234", "Ketik *menu*").ExpectNot("Silakan pilih layanan")
            .Send("jam besuk hari apa aja?").Expect("Senin–Jumat, 08.00–16.00 WIB")
            .Send("brp biaya video call?").Expect("*gratis*").ExpectNot("nama lengkap")
            .Send("syaratnya apa ya kalau mau video call?").Expect("tanggal lahirnya", "nomor WhatsApp")
            .RunAsync();

    [Fact]
    public async Task A_question_in_the_middle_of_a_booking_is_answered_and_the_booking_goes_on() =>
        await _host.Chat("081277004002")
            .Send("halo").Send("1").Expect("nama lengkap")
            .Send("brp biaya video call?").Expect("*gratis*", "nama lengkap")
            .Send("menu").Expect("Silakan pilih layanan")
            .RunAsync();

    [Fact]
    public async Task A_complaint_that_asks_about_money_is_the_complaint_not_a_frequent_question() =>
        await _host.Chat("081277004003")
            .Send("halo").Send("4").Send("1").Expect("tentang apa")
            .Send("4").Expect("satu pesan")
            .Send("Kenapa petugas minta bayar Rp50.000 untuk video call?").Expect("foto atau dokumen").ExpectNot("*gratis* dan tidak dipungut")
            .RunAsync();

    [Fact]
    public async Task An_office_adds_its_own_question_in_the_console_and_the_bot_answers_it()
    {
        using var admin = await ConsoleClient.SignedInAsync(_host, OfficerRole.Admin);
        var saved = await admin.PostFormAsync("/console/faq",
            [new("Input.Question", "Parkir"), new("Input.Keywords", "parkir, parkiran"), new("Input.Answer", "Parkir tersedia di halaman depan {kantor}.")],
            "/console/faq?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/faq"));
        Assert.Contains("Dibaca warga: Parkir tersedia di halaman depan Rutan Kelas I Tanjungpinang.", page, StringComparison.Ordinal);

        await _host.Chat("081277004004").Send("parkiran motor dimana pak?").Expect("Parkir tersedia di halaman depan Rutan Kelas I Tanjungpinang.").RunAsync();
        // Not a question: an ordinary message, left to the menu.
        await _host.Chat("081277004005").Send("parkir").Expect("Silakan pilih layanan").ExpectNot("halaman depan").RunAsync();

        // Deleted, it is answered no more; another office's question cannot be deleted from here.
        int id;
        await using (var db = _host.Store.CreateDbContext())
        {
            id = db.FrequentQuestions.Single(q => q.Question == "Parkir").Id;
        }

        await admin.PostFormAsync("/console/faq", [], $"/console/faq?handler=Delete&id={id}");
        Assert.Contains("Pertanyaan dihapus.", await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/faq")), StringComparison.Ordinal);
        await _host.Chat("081277004006").Send("parkiran motor dimana pak?").ExpectNot("halaman depan").RunAsync();
        await admin.PostFormAsync("/console/faq", [], $"/console/faq?handler=Delete&id={id}");
        Assert.Contains("Pertanyaan tidak ditemukan.", await ConsoleClient.TextAsync(await admin.Http.GetAsync("/console/faq")), StringComparison.Ordinal);
    }
}
