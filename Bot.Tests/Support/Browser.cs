using Microsoft.Playwright;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// One headless Chromium per test class, driven by Playwright:
/// <c>public sealed class MyTests(Browser browser) : IClassFixture&lt;Browser&gt;</c>.
/// It uses the distribution's Chromium (<see cref="ExecutablePath"/>), never a downloaded one, so the
/// tests need no <c>playwright install</c>; <c>./test.sh</c> installs the package when it is missing.
/// Each <see cref="NewPageAsync"/> opens its own browser context: its own cookies and session storage,
/// like a separate person on a separate phone.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>How long a single action or expectation may wait before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly string[] Args =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Chromium => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}. Run the tests with ./test.sh from the repository root: " +
                "it installs the 'chromium' package with apt-get when it is missing (or run: sudo apt-get install chromium).");
        }

        Assertions.SetDefaultExpectTimeout((float)Timeout.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
            Timeout = 30_000,
        });
    }

    /// <summary>
    /// A page in a fresh browser context. Dispose the returned session before the test host, so the
    /// page's live connection closes and the host can stop at once.
    /// </summary>
    public async Task<BrowserSession> NewPageAsync(Uri? baseAddress = null)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress?.ToString(),
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Timeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>A page in its own browser context, with what the page did that a test may want to check.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _dialogs = [];
    private readonly List<string> _errors = [];

    internal BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Dialog += (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Every alert, confirm or prompt the page opened (each was dismissed).</summary>
    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    /// <summary>Uncaught script errors on the page.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
