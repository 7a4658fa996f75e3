using System.Diagnostics;
using System.Net;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.Tests.Channels.Media;

/// <summary>
/// WhatsApp media is fetched by a stage of its own before the turn: a media server that never answers
/// holds up only the message that points at it (and that person's later messages, which keep their
/// order), and a restart finishes a message that was in the stage exactly once.
/// </summary>
public sealed class MediaStageTests
{
    private static readonly TimeSpan FileTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task A_media_url_that_never_answers_delays_nobody_else()
    {
        await using var media = await StallingMediaServer.StartAsync(FakeTwilioServer.AccountSid);
        await using var host = await StartAsync(media);
        var otherOffice = await ConsoleData.AddOfficeAsync(host, OfficeType.Lapas);

        var withFiles = NewSid();
        var sent = Stopwatch.StartNew();
        await PostAsync(host, withFiles, "+6281200011001", "ini KTP saya", media.NewMediaUrl(), media.NewMediaUrl());
        await WaitUntilAsync(() => media.Started >= 1, TimeSpan.FromSeconds(10), "the media server was never asked for the files");

        // Five other people, at two offices, write while the download hangs.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
        {
            var clock = Stopwatch.StartNew();
            var stored = await host.Gateway.SendAsync($"0812000110{i + 2:00}", "halo", null, i < 3 ? null : otherOffice.Code, CancellationToken.None);
            var replies = await host.Gateway.WaitForRepliesAsync(stored!.InboundMessageId, TimeSpan.FromSeconds(2), CancellationToken.None);
            return (Replies: replies, Elapsed: clock.Elapsed);
        }));
        foreach (var (replies, elapsed) in answers)
        {
            Assert.False(replies.TimedOut, $"A person unrelated to the hanging download waited {elapsed.TotalMilliseconds:0} ms and more for an answer.");
            Assert.Contains("Selamat datang", Assert.Single(replies.Replies));
        }

        // The person who sent the files is answered once the file timeout has passed, and asked to send them again.
        var reply = await ReplyToAsync(host, withFiles, TimeSpan.FromSeconds(20));
        Assert.Contains("tidak dapat kami unduh", reply.Body);
        Assert.True(sent.Elapsed >= FileTimeout, $"Answered after {sent.Elapsed.TotalMilliseconds:0} ms, before the file timeout.");
        await using var db = host.Store.CreateDbContext();
        Assert.Null((await db.InboundMessages.SingleAsync(m => m.ProviderMessageId == withFiles)).Attachments);
    }

    [Fact]
    public async Task A_later_message_of_the_same_person_waits_for_the_one_still_fetching_its_media()
    {
        await using var media = await StallingMediaServer.StartAsync(FakeTwilioServer.AccountSid);
        await using var host = await StartAsync(media, fileTimeout: TimeSpan.FromSeconds(2));
        const string phone = "+6281200011010";

        var withFile = NewSid();
        await PostAsync(host, withFile, phone, "halo", media.NewMediaUrl());
        await WaitUntilAsync(() => media.Started >= 1, TimeSpan.FromSeconds(10), "the media server was never asked for the file");
        var text = NewSid();
        await PostAsync(host, text, phone, "halo");

        var first = await ReplyToAsync(host, withFile, TimeSpan.FromSeconds(20));
        var second = await ReplyToAsync(host, text, TimeSpan.FromSeconds(20));
        Assert.True(first.Id < second.Id, "The message sent second was answered before the one sent first.");
        Assert.Contains("tidak dapat kami unduh", first.Body);
        Assert.DoesNotContain("tidak dapat kami unduh", second.Body);
        await using var db = host.Store.CreateDbContext();
        var firstTurn = await db.InboundMessages.SingleAsync(m => m.ProviderMessageId == withFile);
        var secondTurn = await db.InboundMessages.SingleAsync(m => m.ProviderMessageId == text);
        Assert.True(firstTurn.ProcessedAt <= secondTurn.ProcessedAt);
    }

    [Fact]
    public async Task A_message_in_the_media_stage_when_the_service_stops_is_finished_once_after_restart()
    {
        var directory = TestHost.NewDirectory();
        try
        {
            await using var media = await StallingMediaServer.StartAsync(FakeTwilioServer.AccountSid);
            var sid = NewSid();
            var url = media.NewMediaUrl();
            const string phone = "+6281200011020";
            await using (var first = await StartAsync(media, directory, fileTimeout: TimeSpan.FromMinutes(5)))
            {
                await PostAsync(first, sid, phone, "halo", url);
                await WaitUntilAsync(() => media.Started >= 1, TimeSpan.FromSeconds(10), "the media server was never asked for the file");
                await first.StopAsync();
            }

            var store = new ChatBotDbFactory(new StoreOptions { ConnectionString = $"Data Source={Path.Combine(directory, "chatbot.db")}" });
            await using (var db = store.CreateDbContext())
            {
                var waiting = await db.InboundMessages.SingleAsync(m => m.ProviderMessageId == sid);
                Assert.NotEqual(InboundStatus.Done, waiting.Status);
                Assert.Equal(0, await db.OutboundMessages.CountAsync());
            }

            Assert.Empty(MediaFiles(directory));

            media.Stalling = false;
            await using (var second = await StartAsync(media, directory))
            {
                var reply = await ReplyToAsync(second, sid, TimeSpan.FromSeconds(20));
                Assert.Contains("Selamat datang", reply.Body);
                Assert.DoesNotContain("tidak dapat kami unduh", reply.Body);

                // Twilio delivers the same webhook again: stored once, fetched once, answered once.
                await PostAsync(second, sid, phone, "halo", url);
                await Task.Delay(1000);
                await second.StopAsync();
            }

            await using (var third = await StartAsync(media, directory))
            {
                await Task.Delay(1000);
                await using var db = third.Store.CreateDbContext();
                var message = await db.InboundMessages.SingleAsync(m => m.ProviderMessageId == sid);
                Assert.Equal(InboundStatus.Done, message.Status);
                var attachment = Assert.Single(StoredAttachment.ListFromJson(message.Attachments));
                Assert.Equal("image/jpeg", attachment.ContentType);
                Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.InboundMessageId == message.Id));
                Assert.Equal(1, media.Served);
                Assert.Equal(attachment.StoragePath, Assert.Single(MediaFiles(directory)));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TestHost.DeleteDirectory(directory);
        }
    }

    private static Task<TestHost> StartAsync(StallingMediaServer media, string? directory = null, TimeSpan? fileTimeout = null) =>
        TestHost.StartAsync(directory, new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:Enabled"] = "true",
            ["Channels:WhatsApp:AccountSid"] = FakeTwilioServer.AccountSid,
            ["Channels:WhatsApp:AuthToken"] = FakeTwilioServer.AuthToken,
            ["Channels:WhatsApp:From"] = FakeTwilioServer.From,
            ["Channels:WhatsApp:ApiBaseUrl"] = media.BaseAddress.ToString().TrimEnd('/'),
            ["Workers:MediaStage:FileTimeout"] = (fileTimeout ?? FileTimeout).ToString(),
        });

    private static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    private static string[] MediaFiles(string directory)
    {
        var root = Path.Combine(directory, "media");
        return System.IO.Directory.Exists(root) ? System.IO.Directory.GetFiles(root) : [];
    }

    /// <summary>Posts a signed Twilio webhook from <paramref name="phone"/> with the given media URLs.</summary>
    private static async Task PostAsync(TestHost host, string sid, string phone, string body, params string[] mediaUrls)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("MessageSid", sid),
            new("AccountSid", FakeTwilioServer.AccountSid),
            new("From", "whatsapp:" + phone),
            new("To", FakeTwilioServer.From),
            new("Body", body),
            new("NumMedia", mediaUrls.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("WaId", phone.TrimStart('+')),
        ];
        for (var i = 0; i < mediaUrls.Length; i++)
        {
            form.Add(new($"MediaUrl{i}", mediaUrls[i]));
            form.Add(new($"MediaContentType{i}", "image/jpeg"));
        }

        using var http = host.CreateClient();
        var url = new Uri(host.BaseAddress, "/webhooks/whatsapp").ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(FakeTwilioServer.AuthToken, url, form));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    /// <summary>The reply the turn committed for the WhatsApp message <paramref name="sid"/>.</summary>
    private static async Task<OutboundMessage> ReplyToAsync(TestHost host, string sid, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using (var db = host.Store.CreateDbContext())
            {
                var reply = await db.OutboundMessages.AsNoTracking()
                    .Where(o => db.InboundMessages.Any(m => m.Id == o.InboundMessageId && m.ProviderMessageId == sid))
                    .OrderBy(o => o.Id)
                    .FirstOrDefaultAsync();
                if (reply is not null)
                {
                    return reply;
                }
            }

            Assert.True(deadline.Elapsed < timeout, $"The WhatsApp message was not answered within {timeout}.");
            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < timeout, $"Timed out: {what}.");
            await Task.Delay(20);
        }
    }
}
