using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Console;

/// <summary>One running service for a console test class; each test creates its own officers.</summary>
public sealed class ConsoleHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
