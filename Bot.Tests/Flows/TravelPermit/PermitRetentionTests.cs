using System.Net;
using ChatBot.Bot.Flows.TravelPermit;
using ChatBot.Bot.Tests.Console;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Permits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Bot.Tests.Flows.TravelPermit;

/// <summary>A finished permit after the retention, on a fake clock: files and personal fields gone, the letter still checkable.</summary>
public sealed class PermitRetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task After_the_retention_the_scan_the_letter_and_personal_fields_are_erased_and_the_letter_still_verifies()
    {
        var filed = await PermitStepsTests.FileAsync(_host, "081300086001");
        var signed = await PermitDesk.SignAsync(_host, filed.Id);
        var pk = await ConsoleClient.CreateOfficerAsync(_host, OfficerRole.Pk);
        await PermitDesk.ActAsync(_host, filed.Id, TravelPermitRequests.Steps.Deliver, pk);
        var retention = _host.Services.GetRequiredService<PermitRetention>();

        _clock.Advance(TimeSpan.FromDays(89));
        await retention.RunPassAsync(CancellationToken.None);
        await using (var db = _host.Store.CreateDbContext())
        {
            Assert.Null((await db.TravelPermits.SingleAsync(p => p.Id == filed.Id)).ErasedAt);
        }

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await retention.RunPassAsync(CancellationToken.None) > 0);

        await using var check = _host.Store.CreateDbContext();
        var erased = await check.TravelPermits.SingleAsync(p => p.Id == filed.Id);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal((null, null, null, null, null), (erased.ApplicantName, erased.DestinationTown, erased.DestinationAddress, erased.Purpose, erased.ContactPhone));
        Assert.Equal((null, null, (long?)null, (long?)null), (erased.RequestFilePath, erased.LetterPath, erased.ClientId, erased.ConversationId));
        Assert.False(File.Exists(filed.RequestFilePath));
        Assert.False(File.Exists(signed.LetterPath));
        Assert.Equal((signed.LetterNumber, signed.VerificationCode, "B.S.", signed.DepartOn, signed.ReturnOn), (erased.LetterNumber, erased.VerificationCode, erased.ClientInitials, erased.DepartOn, erased.ReturnOn));

        var conversation = await check.Conversations.SingleAsync(c => c.UserAddress == "+6281300086001");
        var typed = await check.InboundMessages.Where(m => m.ConversationId == conversation.Id).Select(m => m.Body).ToListAsync();
        Assert.DoesNotContain(typed, body => body != null && (body.Contains("Siti Aminah") || body.Contains("Pandanaran")));
        var sent = await check.OutboundMessages.Where(m => m.ConversationId == conversation.Id).ToListAsync();
        Assert.DoesNotContain(sent, m => m.Body.Contains("Pandanaran") || m.Body.Contains(filed.Code) || m.AttachmentPath != null);

        using var http = _host.CreateClient();
        var page = await http.GetAsync($"/verifikasi/{signed.VerificationCode}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(signed.LetterNumber!, await page.Content.ReadAsStringAsync());
    }
}
