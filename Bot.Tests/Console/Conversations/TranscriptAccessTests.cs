using System.Net;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Integration;
using ChatBot.Domain.Officers;

namespace ChatBot.Bot.Tests.Console.Conversations;

/// <summary>
/// A transcript is personal data of the case it belongs to: the conversation pages show it only to
/// roles that may read that case, or to the officer holding the conversation's handover, and mask
/// a NIK for roles that may not open a KTP.
/// </summary>
public sealed class TranscriptAccessTests(ConsoleHost console) : IClassFixture<ConsoleHost>
{
    private const string ComplaintText = "Petugas loket meminta uang Rp50.000 agar antrean didahulukan.";
    private const string Nik = "3201011208850001";
    private const string MaskedNik = "320101**********";

    private TestHost Host => console.Host;

    [Theory]
    [InlineData(OfficerRole.Pk)]
    [InlineData(OfficerRole.VisitOfficer)]
    [InlineData(OfficerRole.Admin)]
    public async Task A_role_that_may_not_read_complaints_sees_neither_the_complaint_text_nor_the_full_number(OfficerRole role)
    {
        var (conversation, phone) = await AddComplaintConversationAsync("Budi Santoso");
        using var officer = await ConsoleClient.SignedInAsync(Host, role);

        var page = await ConsoleClient.TextAsync(await officer.Http.GetAsync($"/console/percakapan/{conversation}"));
        Assert.Contains("Sebagian pesan tidak ditampilkan", page);
        Assert.DoesNotContain(ComplaintText, page);
        Assert.DoesNotContain(phone, page);
        Assert.DoesNotContain("Budi Santoso", page);

        // The live refresh of the transcript asks the same rule.
        var fragment = await ConsoleClient.TextAsync(await officer.Http.GetAsync($"/console/percakapan/{conversation}?handler=transcript"));
        Assert.DoesNotContain(ComplaintText, fragment);
    }

    [Theory]
    [InlineData(OfficerRole.Kepala)]
    [InlineData(OfficerRole.ServiceOfficer)]
    public async Task The_head_and_the_desk_read_a_named_complainants_conversation(OfficerRole role)
    {
        var (conversation, phone) = await AddComplaintConversationAsync("Budi Santoso");
        using var officer = await ConsoleClient.SignedInAsync(Host, role);

        var page = await ConsoleClient.TextAsync(await officer.Http.GetAsync($"/console/percakapan/{conversation}"));
        Assert.Contains(ComplaintText, page);
        Assert.Contains(phone, page);
        Assert.DoesNotContain("Sebagian pesan tidak ditampilkan", page);
    }

    [Fact]
    public async Task An_anonymous_complainant_is_not_named_even_to_the_head()
    {
        var (conversation, phone) = await AddComplaintConversationAsync(reporter: null);
        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);

        var page = await ConsoleClient.TextAsync(await head.Http.GetAsync($"/console/percakapan/{conversation}"));
        Assert.Contains("Pelapor anonim", page);
        Assert.DoesNotContain(phone, page);
        Assert.DoesNotContain("Budi Santoso", page);
    }

    [Fact]
    public async Task Holding_the_handover_shows_the_transcript_and_handing_it_back_hides_it_again()
    {
        var (conversation, phone) = await AddComplaintConversationAsync("Budi Santoso", waitingForOfficer: true);
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);
        var url = $"/console/percakapan/{conversation}";

        var before = await ConsoleClient.TextAsync(await pk.Http.GetAsync(url));
        Assert.DoesNotContain(ComplaintText, before);
        Assert.Contains("Ambil percakapan ini", before);

        Assert.Equal(HttpStatusCode.Redirect, (await pk.PostFormAsync(url, [], $"{url}?handler=Take")).StatusCode);
        var held = await ConsoleClient.TextAsync(await pk.Http.GetAsync(url));
        Assert.Contains(ComplaintText, held);
        Assert.Contains(phone, held);

        Assert.Equal(HttpStatusCode.Redirect, (await pk.PostFormAsync(url, [], $"{url}?handler=Return")).StatusCode);
        var after = await ConsoleClient.TextAsync(await pk.Http.GetAsync(url));
        Assert.DoesNotContain(ComplaintText, after);
    }

    [Fact]
    public async Task The_queue_names_a_complainant_only_to_roles_that_may_see_them()
    {
        var name = $"Warga {Guid.NewGuid():N}"[..14];
        await AddComplaintConversationAsync(name, waitingForOfficer: true);
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);
        using var desk = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);

        Assert.DoesNotContain(name, await ConsoleClient.TextAsync(await pk.Http.GetAsync("/console/percakapan")));
        Assert.Contains(name, await ConsoleClient.TextAsync(await desk.Http.GetAsync("/console/percakapan")));
    }

    [Fact]
    public async Task A_nik_in_an_integration_transcript_is_masked_for_roles_that_may_not_open_the_ktp()
    {
        var conversation = await AddIntegrationConversationAsync();
        using var admin = await ConsoleClient.SignedInAsync(Host, OfficerRole.Admin);
        using var desk = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);
        using var pk = await ConsoleClient.SignedInAsync(Host, OfficerRole.Pk);
        var url = $"/console/percakapan/{conversation}";

        var forAdmin = await ConsoleClient.TextAsync(await admin.Http.GetAsync(url));
        Assert.Contains("KTP: NIK " + MaskedNik, forAdmin);
        Assert.DoesNotContain(Nik, forAdmin);

        Assert.Contains("KTP: NIK " + Nik, await ConsoleClient.TextAsync(await desk.Http.GetAsync(url)));

        var forPk = await ConsoleClient.TextAsync(await pk.Http.GetAsync(url));
        Assert.DoesNotContain("KTP: NIK", forPk);
        Assert.Contains("Sebagian pesan tidak ditampilkan", forPk);
    }

    [Fact]
    public async Task A_complaint_left_unfinished_is_kept_from_roles_that_may_not_read_complaints()
    {
        const string Unfinished = "Pak petugas blok C sering memukul anak saya, tolong ditindak.";
        var phone = $"0812{Random.Shared.Next(10_000_000, 99_999_999)}";
        await Host.Chat(phone)
            .Send("halo").Expect("Selamat datang")
            .Send("4").Expect("Layanan pengaduan")
            .Send("1").Expect("tentang apa")
            .Send("4").Expect("satu pesan")
            .Send(Unfinished).Expect("foto atau dokumen")
            .Send("petugas")
            .RunAsync();
        await using var db = Host.Store.CreateDbContext();
        var address = "+62" + phone[1..];
        var conversation = db.Conversations.Single(c => c.UserAddress == address).Id;
        Assert.DoesNotContain(db.Complaints.ToList(), c => c.ConversationId == conversation);
        var url = $"/console/percakapan/{conversation}";

        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        var forVisits = await ConsoleClient.TextAsync(await visits.Http.GetAsync(url));
        Assert.DoesNotContain(Unfinished, forVisits);
        Assert.Contains("Sebagian pesan tidak ditampilkan", forVisits);
        // The menu and the greeting belong to no case: they stay readable.
        Assert.Contains("Selamat datang", forVisits);

        using var desk = await ConsoleClient.SignedInAsync(Host, OfficerRole.ServiceOfficer);
        Assert.Contains(Unfinished, await ConsoleClient.TextAsync(await desk.Http.GetAsync(url)));
    }

    [Fact]
    public async Task Who_reads_an_anonymous_complaint_sees_only_it_masked_and_others_never_learn_of_it()
    {
        var phone = $"0812{Random.Shared.Next(10_000_000, 99_999_999)}";
        const string Description = "Petugas meminta pulsa Rp100.000, hubungi saya di 081298765432.";
        await Host.Chat(phone)
            .Send("halo").Expect("Selamat datang")
            .Send("4").Expect("Layanan pengaduan")
            .Send("1").Expect("tentang apa")
            .Send("4").Expect("satu pesan")
            .Send(Description).Expect("foto atau dokumen")
            .Send("lewati").Expect("anonim")
            .Send("ya").Expect("Pelapor: anonim")
            .Send("ya").Expect("ADU-")
            .Send("1").Expect("nama lengkap")
            .Send("Budi Santoso Wibowo")
            .RunAsync();
        await using var db = Host.Store.CreateDbContext();
        var address = "+62" + phone[1..];
        var conversation = db.Conversations.Single(c => c.UserAddress == address).Id;
        var url = $"/console/percakapan/{conversation}";

        using var head = await ConsoleClient.SignedInAsync(Host, OfficerRole.Kepala);
        var forHead = await ConsoleClient.TextAsync(await head.Http.GetAsync(url));
        Assert.Contains("Pelapor anonim", forHead);
        Assert.Contains("Petugas meminta pulsa Rp100.000, hubungi saya di 0812****5432.", forHead);
        Assert.DoesNotContain("Budi Santoso Wibowo", forHead);
        Assert.DoesNotContain(phone[4..], forHead);

        using var visits = await ConsoleClient.SignedInAsync(Host, OfficerRole.VisitOfficer);
        var forVisits = await ConsoleClient.TextAsync(await visits.Http.GetAsync(url));
        Assert.Contains("Budi Santoso Wibowo", forVisits);
        Assert.DoesNotContain("Petugas meminta pulsa", forVisits);
        Assert.DoesNotContain("anonim", forVisits, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Layanan pengaduan", forVisits);
        Assert.DoesNotContain("ADU-", forVisits);
    }

    private async Task<(long Conversation, string Phone)> AddComplaintConversationAsync(string? reporter, bool waitingForOfficer = false)
    {
        var now = DateTime.UtcNow;
        var phone = $"+62812{Random.Shared.Next(10_000_000, 99_999_999)}";
        await using var db = Host.Store.CreateDbContext();
        var conversation = new Conversation
        {
            OfficeId = ConsoleData.DefaultOfficeId(Host),
            Channel = ChannelKind.WhatsApp,
            UserAddress = phone,
            DisplayName = reporter ?? "Budi Santoso",
            CreatedAt = now,
            Mode = waitingForOfficer ? ConversationMode.HandoverWaiting : ConversationMode.Bot,
        };
        db.Conversations.Add(conversation);
        db.InboundMessages.Add(new InboundMessage
        {
            Channel = ChannelKind.WhatsApp,
            ProviderMessageId = $"SM{Guid.NewGuid():N}",
            From = phone,
            To = "whatsapp:+14155238886",
            Body = ComplaintText,
            ReceivedAt = now,
            Status = InboundStatus.Done,
            Conversation = conversation,
            Flows = "complaint",
        });
        db.Complaints.Add(new Complaint
        {
            Code = $"ADU-{Guid.NewGuid():N}"[..10].ToUpperInvariant(),
            OfficeId = conversation.OfficeId,
            Conversation = conversation,
            Channel = ChannelKind.WhatsApp,
            Category = ComplaintCategory.OfficerConduct,
            Description = ComplaintText,
            Anonymous = reporter is null,
            ReporterName = reporter,
            Status = ComplaintStatus.Received,
            ReceivedAt = now,
            VerificationDue = DateOnly.FromDateTime(now).AddDays(3),
            AnswerDue = DateOnly.FromDateTime(now).AddDays(14),
        });
        if (waitingForOfficer)
        {
            db.Handovers.Add(new Handover { Conversation = conversation, OfficeId = conversation.OfficeId, Status = HandoverStatus.Waiting, RequestedAt = now });
        }

        await SaveAsync(db);
        return (conversation.Id, phone);
    }

    private async Task<long> AddIntegrationConversationAsync()
    {
        var now = DateTime.UtcNow;
        var phone = $"+62813{Random.Shared.Next(10_000_000, 99_999_999)}";
        await using var db = Host.Store.CreateDbContext();
        var conversation = new Conversation { OfficeId = ConsoleData.DefaultOfficeId(Host), Channel = ChannelKind.WhatsApp, UserAddress = phone, CreatedAt = now };
        db.Conversations.Add(conversation);
        db.OutboundMessages.Add(OutboundMessage.Queued(conversation, $"Ringkasan:\n10. KTP: NIK {Nik}, JPG 120 KB", OutboundKind.Reply, now, flow: "integration-info integration-info.form"));
        await SaveAsync(db);
        db.IntegrationRequests.Add(new IntegrationRequest
        {
            OfficeId = conversation.OfficeId,
            ConversationId = conversation.Id,
            ReferenceCode = $"INF-{Guid.NewGuid():N}"[..10].ToUpperInvariant(),
            Status = IntegrationRequestStatus.Submitted,
            Relationship = "family",
            Programme = IntegrationProgramme.Pb,
            RequesterName = "Siti Aminah",
            Address = "Jl. Merdeka No. 10",
            Phone = phone,
            GuarantorName = "Ahmad Yani",
            GuarantorRelationship = "ayah",
            GuarantorAddress = "Jl. Merdeka No. 10",
            GuarantorPhone = "+6281298765432",
            InmateName = "Andi",
            Nik = Nik,
            Email = "siti@example.org",
            ConsentedAt = now,
            DeclaredAt = now,
            SubmittedAt = now,
        });
        await SaveAsync(db);
        return conversation.Id;
    }

    private async Task SaveAsync(ChatBot.Domain.Persistence.ChatBotDb db)
    {
        using (await Host.Store.Gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync();
        }
    }
}
