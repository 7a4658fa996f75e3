using ChatBot.Bot.Tests.Support;
using ChatBot.Channels.Media;
using ChatBot.Channels.WhatsApp;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBot.Bot.Tests.Channels.WhatsApp;

/// <summary>Fetching a person's media from a fake Twilio (API and CDN) on 127.0.0.1.</summary>
public sealed class MediaFetcherTests : IAsyncLifetime
{
    private const long Limit = 1024 * 1024;

    private readonly string _directory = TestHost.NewDirectory();
    private readonly HttpClient _http = new(TwilioMediaFetcher.CreateHandler());
    private MediaTestServer _server = null!;
    private TwilioMediaFetcher _fetcher = null!;

    private string MediaRoot => Path.Combine(_directory, "data", "media");

    public async Task InitializeAsync()
    {
        _server = await MediaTestServer.StartAsync(WebhookTestHost.AccountSid, WebhookTestHost.AuthToken);
        var options = new TwilioOptions
        {
            Enabled = true,
            AccountSid = WebhookTestHost.AccountSid,
            AuthToken = WebhookTestHost.AuthToken,
            ApiBaseUrl = _server.BaseAddress.ToString(),
            MaxMediaBytes = Limit,
        };
        _fetcher = new TwilioMediaFetcher(options, _http, MediaRoot, TimeProvider.System, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        TestHost.DeleteDirectory(_directory);
    }

    [Fact]
    public async Task A_jpeg_is_fetched_through_the_cdn_redirect_without_forwarding_the_credentials()
    {
        var jpeg = MediaTestServer.TinyJpeg();
        var url = _server.Add(new MediaTestServer.Media(jpeg, "image/jpeg"));

        var result = await _fetcher.FetchAsync(url, "image/jpeg", CancellationToken.None);

        var stored = Assert.IsType<MediaResult.Stored>(result).Attachment;
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal(jpeg.Length, stored.Size);
        Assert.Null(stored.FileName);
        Assert.True(Path.IsPathRooted(stored.StoragePath));
        Assert.Equal(MediaRoot, Path.GetDirectoryName(stored.StoragePath));
        Assert.EndsWith(".jpg", stored.StoragePath, StringComparison.Ordinal);
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(stored.StoragePath));
        Assert.Single(Directory.GetFiles(MediaRoot));

        var requests = _server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.StartsWith("Basic ", requests[0].Authorization, StringComparison.Ordinal);
        Assert.StartsWith("/cdn/", requests[1].Path, StringComparison.Ordinal);
        Assert.Null(requests[1].Authorization);
        Assert.Empty(_server.CredentialsForwarded);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored.StoragePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(MediaRoot));
        }
    }

    [Fact]
    public async Task The_type_comes_from_the_content_not_from_the_declaration()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8];
        byte[] pdf = [.. "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

        var asPng = await _fetcher.FetchAsync(_server.Add(new MediaTestServer.Media(png, "image/jpeg")), "image/jpeg", CancellationToken.None);
        var asPdf = await _fetcher.FetchAsync(_server.Add(new MediaTestServer.Media(pdf, "application/octet-stream")), "application/octet-stream", CancellationToken.None);

        Assert.Equal("image/png", Assert.IsType<MediaResult.Stored>(asPng).Attachment.ContentType);
        Assert.EndsWith(".png", ((MediaResult.Stored)asPng).Attachment.StoragePath, StringComparison.Ordinal);
        Assert.Equal("application/pdf", Assert.IsType<MediaResult.Stored>(asPdf).Attachment.ContentType);

        // A photo of a KTP sent as "ktp.pdf" is still a photo: kept, with its real type.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];
        var jpegAsPdf = await _fetcher.FetchAsync(_server.Add(new MediaTestServer.Media(jpeg, "application/pdf")), "application/pdf", CancellationToken.None);
        Assert.Equal("image/jpeg", Assert.IsType<MediaResult.Stored>(jpegAsPdf).Attachment.ContentType);
        Assert.EndsWith(".jpg", ((MediaResult.Stored)jpegAsPdf).Attachment.StoragePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_served_as_pdf_is_refused_as_type_and_leaves_no_file()
    {
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[4096]];
        var url = _server.Add(new MediaTestServer.Media(exe, "application/pdf"));

        var result = await _fetcher.FetchAsync(url, "application/pdf", CancellationToken.None);

        Assert.Equal(MediaRefusal.Type, Assert.IsType<MediaResult.Refused>(result).Reason);
        Assert.Empty(Files());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_is_refused_as_size_and_leaves_no_file(bool chunked)
    {
        var big = new byte[(int)(Limit * 3 / 2)];
        MediaTestServer.TinyJpeg().CopyTo(big, 0);
        var url = _server.Add(new MediaTestServer.Media(big, "image/jpeg", Chunked: chunked));

        var result = await _fetcher.FetchAsync(url, "image/jpeg", CancellationToken.None);

        Assert.Equal(MediaRefusal.Size, Assert.IsType<MediaResult.Refused>(result).Reason);
        Assert.Empty(Files());
    }

    [Fact]
    public async Task Urls_that_are_not_our_accounts_media_are_refused_without_any_request()
    {
        var ours = _server.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "image/jpeg"));
        var path = new Uri(ours).PathAndQuery;
        string[] refused =
        [
            // Another account on the same (fake) Twilio.
            _server.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "image/jpeg"), accountSid: "AC" + new string('f', 32)),
            // The same server under another host name: still not the configured API host.
            $"http://localhost:{_server.BaseAddress.Port}{path}",
            // Another scheme, another host, another port.
            $"https://127.0.0.1:{_server.BaseAddress.Port}{path}",
            "https://evil.example" + path,
            $"http://127.0.0.1:{_server.BaseAddress.Port + 1}{path}",
            // Not the media path, or with extras.
            new Uri(_server.BaseAddress, "/cdn/ME00000000000000000000000000000000/1").ToString(),
            ours + "?x=1",
            ours + "/../../../Accounts",
            new Uri(_server.BaseAddress, $"/2010-04-01/Accounts/{WebhookTestHost.AccountSid}/Messages").ToString(),
            $"http://user:pass@127.0.0.1:{_server.BaseAddress.Port}{path}",
            "not a url",
            "",
        ];

        foreach (var url in refused)
        {
            var result = await _fetcher.FetchAsync(url, "image/jpeg", CancellationToken.None);
            Assert.Equal(MediaRefusal.NotTwilio, Assert.IsType<MediaResult.Refused>(result).Reason);
        }

        Assert.Empty(_server.Requests);
        Assert.Empty(Files());
    }

    [Fact]
    public async Task Media_that_lags_behind_the_webhook_is_fetched_after_two_404s()
    {
        var url = _server.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "image/jpeg", NotFoundFirst: 2));

        var result = await _fetcher.FetchAsync(url, "image/jpeg", CancellationToken.None);

        Assert.IsType<MediaResult.Stored>(result);
        Assert.Equal(3, _server.Requests.Count(r => r.Path.StartsWith("/2010-04-01/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Media_that_never_appears_is_unavailable_after_three_tries()
    {
        var url = _server.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "image/jpeg", NotFoundFirst: 10));

        var result = await _fetcher.FetchAsync(url, "image/jpeg", CancellationToken.None);

        Assert.Equal(MediaRefusal.Unavailable, Assert.IsType<MediaResult.Refused>(result).Reason);
        Assert.Equal(TwilioMediaFetcher.MaxAttempts, _server.Requests.Count);
    }

    [Fact]
    public async Task Three_redirects_are_followed_and_a_fourth_is_not()
    {
        var three = _server.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "image/jpeg", Redirects: 3));
        var four = _server.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "image/jpeg", Redirects: 4));

        Assert.IsType<MediaResult.Stored>(await _fetcher.FetchAsync(three, "image/jpeg", CancellationToken.None));
        var result = await _fetcher.FetchAsync(four, "image/jpeg", CancellationToken.None);

        Assert.Equal(MediaRefusal.Unavailable, Assert.IsType<MediaResult.Refused>(result).Reason);
        Assert.Empty(_server.CredentialsForwarded);
    }

    [Fact]
    public async Task Wrong_credentials_make_the_media_unavailable()
    {
        var options = new TwilioOptions
        {
            AccountSid = WebhookTestHost.AccountSid,
            AuthToken = "not-the-token",
            ApiBaseUrl = _server.BaseAddress.ToString(),
        };
        var fetcher = new TwilioMediaFetcher(options, _http, MediaRoot, TimeProvider.System, NullLogger.Instance);

        var result = await fetcher.FetchAsync(_server.Add(new MediaTestServer.Media(MediaTestServer.TinyJpeg(), "image/jpeg")), "image/jpeg", CancellationToken.None);

        Assert.Equal(MediaRefusal.Unavailable, Assert.IsType<MediaResult.Refused>(result).Reason);
    }

    private string[] Files() => Directory.Exists(MediaRoot) ? Directory.GetFiles(MediaRoot) : [];
}

/// <summary>Recognising accepted file types by their first bytes.</summary>
public sealed class MediaTypeSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46 }, "image/jpeg")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "application/pdf")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 }, null)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)]
    [InlineData(new byte[] { 0xFF, 0xD8 }, null)]
    [InlineData(new byte[0], null)]
    public void Types_are_recognised_by_their_magic_bytes(byte[] head, string? expected)
    {
        Assert.Equal(expected, FileTypeSniffer.Detect(head)?.ContentType);
    }
}
