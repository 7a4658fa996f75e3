using ChatBot.Bot.Tests.Support;

namespace ChatBot.Bot.Tests.Domain.Persistence;

/// <summary>
/// The store holds NIKs, transcripts and password hashes, and the logs tell who wrote when: nobody
/// but the service's own account may read them.
/// </summary>
public sealed class OwnerOnlyStoreTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;

    private readonly string _directory = TestHost.NewDirectory();

    public void Dispose() => TestHost.DeleteDirectory(_directory);

    [Fact]
    public async Task The_store_its_journal_and_the_logs_are_created_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var store = Path.Combine(_directory, "data");
        var logs = Path.Combine(_directory, "logs");
        await using (var host = await TestHost.StartAsync(_directory, new Dictionary<string, string?>
        {
            ["ConnectionStrings:ChatBot"] = $"Data Source={Path.Combine(store, "chatbot.db")}",
            ["Logging:File:Enabled"] = "true",
            ["Logging:File:Path"] = Path.Combine(logs, "chatbot-.log"),
            ["Logging:Level"] = "Information",
        }))
        {
            await host.Chat("081200009101").Send("halo").Expect("Selamat datang").RunAsync();

            Assert.Equal(PrivateFolder, File.GetUnixFileMode(store));
            foreach (var file in new[] { "chatbot.db", "chatbot.db-wal", "chatbot.db-shm" })
            {
                var path = Path.Combine(store, file);
                Assert.True(File.Exists(path), $"{file} was not created");
                Assert.Equal(Private, File.GetUnixFileMode(path));
            }

            Assert.Equal(PrivateFolder, File.GetUnixFileMode(logs));
            var log = Assert.Single(Directory.GetFiles(logs));
            Assert.Equal(Private, File.GetUnixFileMode(log));
        }
    }

    [Fact]
    public async Task A_store_left_readable_by_an_older_version_is_made_owner_only_at_start()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var database = Path.Combine(_directory, "chatbot.db");
        await (await TestHost.StartAsync(_directory)).DisposeAsync();
        var readable = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(database, readable);

        await using var host = await TestHost.StartAsync(_directory);
        Assert.Equal(Private, File.GetUnixFileMode(database));
    }
}
