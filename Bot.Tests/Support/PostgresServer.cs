using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// A real PostgreSQL server of the test run's own: a private cluster in a temporary folder,
/// listening on 127.0.0.1 at a free port, stopped and deleted afterwards. Uses Debian's
/// <c>postgresql</c> package (the test command installs it). As root, the server runs as the
/// <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string User = "chatbot";
    private string _directory = "";
    private string _bin = "";
    private int _port;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username={User};Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async Task InitializeAsync()
    {
        _bin = Directory.EnumerateDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: run the README's test command (./test.sh), which installs it.");

        _directory = Path.Combine(Path.GetTempPath(), "chatbot-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, (UnixFileMode)0x1FF); // 0777: the server user writes here
        }
        var data = Path.Combine(_directory, "data");
        _port = FreePort();

        await RunAsync("initdb", $"-D {data} -U {User} --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await RunAsync(
            "pg_ctl",
            $"-D {data} -l {Path.Combine(_directory, "server.log")} -w -t 30 -o \"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start");
    }

    public async Task DisposeAsync()
    {
        if (_bin.Length > 0 && Directory.Exists(Path.Combine(_directory, "data")))
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync("pg_ctl", $"-D {Path.Combine(_directory, "data")} -m immediate -w stop", throwOnError: false);
        }

        TestHost.DeleteDirectory(_directory);
    }

    private async Task RunAsync(string tool, string arguments, bool throwOnError = true)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo
        {
            FileName = asRoot ? "runuser" : Path.Combine(_bin, tool),
            Arguments = asRoot ? $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}" : arguments,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
