namespace ChatBot.Bot.Tests.Support;

/// <summary>One running service shared by a test class; each test chats from its own number.</summary>
public sealed class SharedHost : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(extraDialogs: [new TestFormDialog(), new TestDetailsDialog()]);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
