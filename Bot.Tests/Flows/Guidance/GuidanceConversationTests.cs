using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Guidance;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Flows.Guidance;

/// <summary>
/// A client answers a guidance invitation in the conversation it went to, the way people write: in free text,
/// after something else, and with two invitations waiting. The answers are recorded on the right invitation.
/// </summary>
public sealed class GuidanceConversationTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_free_text_answer_is_recorded_as_attending()
    {
        var (pk, client, conversation) = await ClientWhoWroteAsync("081300050001");
        var (_, invitation) = await GuidanceWorld.InvitedAsync(_host, pk, client, conversation, "Mengelola emosi", DateTime.UtcNow.AddDays(5));

        await _host.Chat("081300050001")
            .Send("hadir pak, insyaallah").Expect("kehadiran Bapak/Ibu pada Bimbingan Kelompok", "sudah kami catat")
            .RunAsync();

        var answered = await GuidanceWorld.InvitationAsync(_host, invitation.Id);
        Assert.Equal(InvitationAnswer.Attending, answered.Answer);
        Assert.Equal("hadir pak, insyaallah", answered.AnswerText);
        Assert.NotNull(answered.AnsweredAt);
    }

    [Fact]
    public async Task With_two_invitations_waiting_the_client_is_asked_which_and_the_answer_lands_on_that_one()
    {
        var (pk, client, conversation) = await ClientWhoWroteAsync("081300050002");
        var (_, first) = await GuidanceWorld.InvitedAsync(_host, pk, client, conversation, "Mengelola emosi", DateTime.UtcNow.AddDays(3));
        var (_, second) = await GuidanceWorld.InvitedAsync(_host, pk, client, conversation, "Kewirausahaan", DateTime.UtcNow.AddDays(10), GuidanceSessionKind.Counter);

        await _host.Chat("081300050002")
            .Send("maaf tidak bisa").Expect("lebih dari satu undangan", "*TIDAK*", "1. ", "Mengelola emosi", "2. ", "Pojok BATAKO di Kota Magelang: Kewirausahaan")
            .Send("7").Expect("angka 1 sampai 2", "Kewirausahaan")
            .Send("2").Expect("tidak dapat hadir pada Pojok BATAKO di Kota Magelang")
            .RunAsync();

        Assert.Equal(InvitationAnswer.None, (await GuidanceWorld.InvitationAsync(_host, first.Id)).Answer);
        var declined = await GuidanceWorld.InvitationAsync(_host, second.Id);
        Assert.Equal(InvitationAnswer.Declining, declined.Answer);
        Assert.Equal("maaf tidak bisa", declined.AnswerText);

        // The one left is now the only one waiting: a plain answer goes to it without a question.
        await _host.Chat("081300050002")
            .Send("bisa ganti jadwal?").Expect("permintaan ganti jadwal untuk Bimbingan Kelompok", "sudah kami catat")
            .RunAsync();
        Assert.Equal(InvitationAnswer.Reschedule, (await GuidanceWorld.InvitationAsync(_host, first.Id)).Answer);
    }

    [Fact]
    public async Task A_quick_reply_payload_names_its_invitation_even_with_two_waiting()
    {
        var (pk, client, conversation) = await ClientWhoWroteAsync("081300050003");
        var (_, first) = await GuidanceWorld.InvitedAsync(_host, pk, client, conversation, "Mengelola emosi", DateTime.UtcNow.AddDays(3));
        var (_, second) = await GuidanceWorld.InvitedAsync(_host, pk, client, conversation, "Kewirausahaan", DateTime.UtcNow.AddDays(10));

        await _host.Chat("081300050003").Send($"HADIR-{second.Id}").Expect("sudah kami catat").ExpectNot("lebih dari satu").RunAsync();

        Assert.Equal(InvitationAnswer.None, (await GuidanceWorld.InvitationAsync(_host, first.Id)).Answer);
        Assert.Equal(InvitationAnswer.Attending, (await GuidanceWorld.InvitationAsync(_host, second.Id)).Answer);
    }

    [Fact]
    public async Task Something_else_first_is_served_by_the_bot_and_the_invitation_waits_for_the_answer()
    {
        var (pk, client, conversation) = await ClientWhoWroteAsync("081300050004");
        var (_, invitation) = await GuidanceWorld.InvitedAsync(_host, pk, client, conversation, "Mengelola emosi", DateTime.UtcNow.AddDays(5));

        await _host.Chat("081300050004")
            .Send("selamat pagi").Expect("Selamat datang").ExpectNot("sudah kami catat")
            .Send("alamat kantornya di mana ya?").ExpectNot("sudah kami catat")
            .RunAsync();
        Assert.Equal(InvitationAnswer.None, (await GuidanceWorld.InvitationAsync(_host, invitation.Id)).Answer);

        await _host.Chat("081300050004")
            .Send("Hadir").Expect("sudah kami catat")
            .RunAsync();
        Assert.Equal(InvitationAnswer.Attending, (await GuidanceWorld.InvitationAsync(_host, invitation.Id)).Answer);
    }

    [Fact]
    public async Task Inside_another_flow_a_plain_no_answers_that_flow_not_the_invitation()
    {
        var (pk, client, conversation) = await ClientWhoWroteAsync("081300050005");
        var (_, invitation) = await GuidanceWorld.InvitedAsync(_host, pk, client, conversation, "Mengelola emosi", DateTime.UtcNow.AddDays(5));

        // The complaint form is running: its questions get the message.
        await _host.Chat("081300050005").Send("pengaduan").ExpectNot("sudah kami catat").Send("tidak").ExpectNot("sudah kami catat").RunAsync();

        Assert.Equal(InvitationAnswer.None, (await GuidanceWorld.InvitationAsync(_host, invitation.Id)).Answer);
    }

    private async Task<(Officer Pk, ChatBot.Domain.Clients.Client Client, long Conversation)> ClientWhoWroteAsync(string phone)
    {
        var pk = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.Pk);
        var client = await GuidanceWorld.ClientAsync(_host, "Budi Santoso", pk.Id, phone: "+62" + phone[1..]);
        await _host.Chat(phone).Send("halo").Expect("Selamat datang").RunAsync();
        return (pk, client, await GuidanceWorld.LastConversationAsync(_host));
    }
}
