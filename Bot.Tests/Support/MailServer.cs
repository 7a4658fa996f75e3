using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatBot.Bot.Tests.Support;

/// <summary>
/// A real mail stack of the test run's own, in a temporary folder: Dovecot (IMAP, LMTP and SASL
/// authentication) and Postfix (SMTP with authentication), which delivers to Dovecot by LMTP.
/// Everything listens on 127.0.0.1 at free ports; nothing leaves the machine (any other domain
/// than <see cref="Domain"/> is refused). Stopped and deleted afterwards.
/// The users <see cref="Users"/> exist from the start, all with the password <see cref="Password"/>.
/// Uses Debian's <c>dovecot-imapd</c>, <c>dovecot-lmtpd</c> and <c>postfix</c> packages
/// (./test.sh installs them) and must run as root, as Postfix's master process does.
/// </summary>
public sealed partial class MailServer : IAsyncLifetime
{
    private const string DomainName = "example.test";
    public const string Password = "sandi-rahasia-1";

    /// <summary>The mailboxes that exist: the bot's own and four people writing to it.</summary>
    public static readonly IReadOnlyList<string> Users = ["bot", "warga1", "warga2", "warga3", "warga4"];

    private const string DovecotBinary = "/usr/sbin/dovecot";
    private const string DoveadmBinary = "/usr/bin/doveadm";
    private const string LmtpBinary = "/usr/lib/dovecot/lmtp";
    private const string PostfixMaster = "/usr/lib/postfix/sbin/master";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private string _directory = "";
    private string _dovecotConfig = "";
    private string _postfixConfig = "";
    private int _lmtpPort;
    private int _authPort;
    private Process? _dovecot;
    private Process? _postfix;
    private readonly StringBuilder _notes = new();

    public int ImapPort { get; private set; }
    public int SmtpPort { get; private set; }

    /// <summary>
    /// A second SMTP port without authentication, as servers on the local network deliver (a
    /// remote mail server's bounce, say). Unlike <see cref="SmtpPort"/> it takes mail while
    /// Dovecot, and with it SMTP authentication, is down: Postfix may drop a client there when it
    /// cannot reach the authentication server to list its mechanisms.
    /// </summary>
    public int RelayPort { get; private set; }

    /// <summary>The only domain the server takes mail for; mail to any other is refused.</summary>
    public string Domain => DomainName;

    public string Address(string localPart) => $"{localPart}@{DomainName}";

    public async Task InitializeAsync()
    {
        foreach (var binary in new[] { DovecotBinary, DoveadmBinary, LmtpBinary, PostfixMaster })
        {
            if (!File.Exists(binary))
            {
                throw new InvalidOperationException(
                    $"{binary} is missing: run ./test.sh, which installs dovecot-imapd dovecot-lmtpd postfix.");
            }
        }
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException("The mail server tests must run as root: Postfix's master process needs it.");
        }

        _directory = Path.Combine(Path.GetTempPath(), "chatbot-mail-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        // Dovecot reads the users file as its own user and Postfix works in its queue as its own:
        // both need to walk through this folder.
        Chmod(_directory, "755");

        var ports = FreePorts(5);
        (ImapPort, SmtpPort, _lmtpPort, _authPort, RelayPort) = (ports[0], ports[1], ports[2], ports[3], ports[4]);

        WriteDovecotFiles();
        await WritePostfixFilesAsync();

        var watch = Stopwatch.StartNew();
        _dovecot = StartDaemon(DovecotBinary, $"-F -c {_dovecotConfig}", "dovecot");
        _postfix = StartDaemon(PostfixMaster, $"-s -c {_postfixConfig}", "postfix");
        await WaitForPortAsync(ImapPort, _dovecot, "Dovecot");
        await WaitForPortAsync(SmtpPort, _postfix, "Postfix");
        await WaitForPortAsync(RelayPort, _postfix, "Postfix");
        StartDuration = watch.Elapsed;
    }

    /// <summary>How long the last start took until both IMAP and SMTP answered.</summary>
    public TimeSpan StartDuration { get; private set; }

    /// <summary>How long the last stop took (see <see cref="DisposeAsync"/> and <see cref="StopImapAsync"/>).</summary>
    public TimeSpan StopDuration { get; private set; }

    public async Task DisposeAsync()
    {
        var watch = Stopwatch.StartNew();
        await StopImapAsync();
        await StopAsync(_postfix, "Postfix");
        _postfix = null;
        StopDuration = watch.Elapsed;
        if (_directory.Length > 0)
        {
            TestHost.DeleteDirectory(_directory);
        }
    }

    /// <summary>Disconnects every IMAP client at once (as a server restart or a network cut would).</summary>
    public async Task KickAsync() => await DoveadmAsync("kick 127.0.0.0/8", throwOnError: false);

    /// <summary>
    /// Stops Dovecot, so IMAP is gone and Postfix keeps mail in its queue; the mailboxes stay.
    /// SMTP authentication is Dovecot's too, so meanwhile only unauthenticated mail from loopback
    /// to a user of <see cref="Domain"/> gets in.
    /// <see cref="StartImapAsync"/> brings it back on the same port.
    /// </summary>
    public async Task StopImapAsync()
    {
        if (_dovecot is null)
        {
            return;
        }
        var watch = Stopwatch.StartNew();
        if (!_dovecot.HasExited)
        {
            // Without this, Dovecot waits 10-16 s for clients in IDLE before it ends.
            await KickAsync();
        }
        await StopAsync(_dovecot, "Dovecot");
        _dovecot = null;
        StopDuration = watch.Elapsed;
    }

    public async Task StartImapAsync()
    {
        if (_dovecot is not null)
        {
            return;
        }
        var watch = Stopwatch.StartNew();
        _dovecot = StartDaemon(DovecotBinary, $"-F -c {_dovecotConfig}", "dovecot");
        await WaitForPortAsync(ImapPort, _dovecot, "Dovecot");
        StartDuration = watch.Elapsed;
    }

    /// <summary>How many messages the folder of the user holds (read from the mailbox files, so it also works while IMAP is stopped).</summary>
    public async Task<int> MessageCountAsync(string user, string folder = "INBOX")
    {
        if (_dovecot is null)
        {
            // doveadm needs the running server to look the user up: count the Maildir's files.
            var maildir = Path.Combine(_directory, "mail", user, "Maildir");
            var folderPath = folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? maildir : Path.Combine(maildir, "." + folder);
            return new[] { "new", "cur" }
                .Select(part => Path.Combine(folderPath, part))
                .Where(Directory.Exists)
                .Sum(part => Directory.GetFiles(part).Length);
        }
        var output = await DoveadmAsync($"mailbox status -u {user} messages \"{folder}\"");
        var match = MessagesField().Match(output);
        return match.Success
            ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Unexpected doveadm answer: {output}");
    }

    /// <summary>Dovecot's and Postfix's logs, for the message of a failing test.</summary>
    public string Logs()
    {
        var logs = new StringBuilder();
        foreach (var name in new[] { "dovecot.log", "dovecot.out", "postfix.log", "postfix.out" })
        {
            var path = Path.Combine(_directory, name);
            if (File.Exists(path))
            {
                logs.Append("--- ").AppendLine(name).AppendLine(File.ReadAllText(path));
            }
        }
        lock (_notes)
        {
            logs.AppendLine("--- fixture").Append(_notes);
        }
        return logs.ToString();
    }

    private void WriteDovecotFiles()
    {
        var dovecot = Directory.CreateDirectory(Path.Combine(_directory, "dovecot")).FullName;
        var mail = Directory.CreateDirectory(Path.Combine(_directory, "mail")).FullName;
        Chown(mail, "nobody:nogroup");

        // user:password:uid:gid:gecos:home:shell — uid and gid come from mail_uid and mail_gid.
        var users = Path.Combine(_directory, "users");
        File.WriteAllLines(users, Users.Select(user => $"{user}:{{PLAIN}}{Password}::::{Path.Combine(mail, user)}::"));
        Chmod(users, "644");

        _dovecotConfig = Path.Combine(_directory, "dovecot.conf");
        File.WriteAllText(_dovecotConfig, $$"""
            base_dir = {{dovecot}}/run
            state_dir = {{dovecot}}/state
            instance_name = chatbot-test-{{Path.GetFileName(_directory)}}
            log_path = {{_directory}}/dovecot.log
            listen = 127.0.0.1
            protocols = imap lmtp
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            auth_failure_delay = 0
            auth_username_format = %Ln
            mail_location = maildir:~/Maildir
            mail_uid = nobody
            mail_gid = nogroup
            passdb {
              driver = passwd-file
              args = {{users}}
            }
            userdb {
              driver = passwd-file
              args = {{users}}
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{ImapPort}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service lmtp {
              inet_listener lmtp {
                address = 127.0.0.1
                port = {{_lmtpPort}}
              }
            }
            service auth {
              inet_listener {
                address = 127.0.0.1
                port = {{_authPort}}
              }
            }

            """);
    }

    private async Task WritePostfixFilesAsync()
    {
        var postfix = Directory.CreateDirectory(Path.Combine(_directory, "postfix")).FullName;
        _postfixConfig = Directory.CreateDirectory(Path.Combine(postfix, "conf")).FullName;
        var queue = Directory.CreateDirectory(Path.Combine(postfix, "queue")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(postfix, "data")).FullName;
        var mailboxes = Path.Combine(postfix, "mailboxes");
        await File.WriteAllLinesAsync(mailboxes, Users.Select(user => $"{Address(user)} {user}/"));

        // The queue as `postfix check` would make it, without its 4 seconds.
        foreach (var name in new[] { "active", "bounce", "corrupt", "defer", "deferred", "flush", "hold", "incoming", "private", "saved", "trace" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(queue, name)).FullName;
            Chmod(folder, "700");
            Chown(folder, "postfix");
        }
        var maildrop = Directory.CreateDirectory(Path.Combine(queue, "maildrop")).FullName;
        var @public = Directory.CreateDirectory(Path.Combine(queue, "public")).FullName;
        Chown(maildrop, "postfix:postdrop");
        Chown(@public, "postfix:postdrop");
        Chmod(maildrop, "1730");
        Chmod(@public, "2710");
        Directory.CreateDirectory(Path.Combine(queue, "pid"));
        Chown(data, "postfix");
        Chmod(data, "700");

        await File.WriteAllTextAsync(Path.Combine(_postfixConfig, "main.cf"), $"""
            compatibility_level = 3.6
            queue_directory = {queue}
            data_directory = {data}
            mail_owner = postfix
            myhostname = mail.{DomainName}
            inet_interfaces = loopback-only
            inet_protocols = ipv4
            mynetworks = 127.0.0.0/8
            mydestination =
            alias_maps =
            alias_database =
            local_recipient_maps =
            virtual_mailbox_domains = {DomainName}
            virtual_mailbox_maps = texthash:{mailboxes}
            virtual_transport = lmtp:inet:127.0.0.1:{_lmtpPort}
            default_transport = error:nothing leaves this machine
            relay_transport = error:nothing leaves this machine
            smtpd_sasl_type = dovecot
            smtpd_sasl_path = inet:127.0.0.1:{_authPort}
            smtpd_sasl_auth_enable = yes
            smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination
            smtpd_error_sleep_time = 0
            smtpd_soft_error_limit = 1000
            smtpd_hard_error_limit = 1000
            smtputf8_enable = no
            message_size_limit = 41943040
            biff = no
            maillog_file_prefixes = {_directory}
            maillog_file = {_directory}/postfix.log
            queue_run_delay = 1s
            minimal_backoff_time = 1s
            maximal_backoff_time = 2s

            """);
        await File.WriteAllTextAsync(Path.Combine(_postfixConfig, "master.cf"), $"""
            127.0.0.1:{SmtpPort} inet n - n - - smtpd
            127.0.0.1:{RelayPort} inet n - n - - smtpd -o smtpd_sasl_auth_enable=no
            pickup     unix  n - n 60    1 pickup
            cleanup    unix  n - n -     0 cleanup
            qmgr       unix  n - n 300   1 qmgr
            rewrite    unix  - - n -     - trivial-rewrite
            bounce     unix  - - n -     0 bounce
            defer      unix  - - n -     0 bounce
            trace      unix  - - n -     0 bounce
            verify     unix  - - n -     1 verify
            flush      unix  n - n 1000? 0 flush
            proxymap   unix  - - n -     - proxymap
            proxywrite unix  - - n -     1 proxymap
            smtp       unix  - - n -     - smtp
            relay      unix  - - n -     - smtp
            showq      unix  n - n -     - showq
            error      unix  - - n -     - error
            retry      unix  - - n -     - error
            discard    unix  - - n -     - discard
            local      unix  - n n -     - local
            virtual    unix  - n n -     - virtual
            lmtp       unix  - - n -     - lmtp
            anvil      unix  - - n -     1 anvil
            scache     unix  - - n -     1 scache
            postlog    unix-dgram n - n - 1 postlogd

            """);
    }

    /// <summary>Starts the daemon as the leader of its own process group, so no child can be left behind.</summary>
    private Process StartDaemon(string binary, string arguments, string name)
    {
        // sh and setsid exec the program in place (the test host is no group leader), so the process
        // id is the daemon's. Its output goes to a file: a pipe would stay open as long as any child
        // holds it, and waiting for the exit waits for the pipe too.
        var start = new ProcessStartInfo
        {
            FileName = "/bin/sh",
            ArgumentList = { "-c", $"exec setsid {binary} {arguments} >>{Path.Combine(_directory, name + ".out")} 2>&1 </dev/null" },
            WorkingDirectory = _directory,
        };
        return Process.Start(start)!;
    }

    private void Note(string line)
    {
        lock (_notes)
        {
            _notes.AppendLine(line);
        }
    }

    private async Task StopAsync(Process? process, string name)
    {
        if (process is null)
        {
            return;
        }
        using (process)
        {
            if (!process.HasExited)
            {
                Signal(process.Id, SigTerm);
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Note($"{name} did not stop within {StopTimeout.TotalSeconds} s; killed.");
                }
            }
            // Postfix's master leaves its children to end by themselves: give them a moment, then
            // whatever is left of the group (a delivery agent, a login process) goes.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            while (GroupIsAlive(process.Id) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            Signal(-process.Id, SigKill);
            if (!process.HasExited)
            {
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>Whether a live (not zombie) process of the group remains.</summary>
    private static bool GroupIsAlive(int group)
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out _))
            {
                continue;
            }
            try
            {
                // pid (comm) state ppid pgrp ...: comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[2] == group.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }
        return false;
    }

    private async Task WaitForPortAsync(int port, Process process, string name)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} ended at start (exit code {process.ExitCode}).\n{Logs()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"{name} did not listen on port {port} within {StartTimeout.TotalSeconds} s.\n{Logs()}");
            }
        }
    }

    private async Task<string> DoveadmAsync(string arguments, bool throwOnError = true) =>
        await RunAsync(DoveadmBinary, $"-c {_dovecotConfig} {arguments}", throwOnError);

    private static void Chown(string path, string owner) => RunAsync("chown", $"{owner} {path}").GetAwaiter().GetResult();

    private static void Chmod(string path, string mode) => RunAsync("chmod", $"{mode} {path}").GetAwaiter().GetResult();

    private static async Task<string> RunAsync(string tool, string arguments, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = tool,
            Arguments = arguments,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {arguments} failed ({process.ExitCode}): {await output}\n{await error}");
        }
        return await output;
    }

    /// <summary>Distinct free ports: all listeners stay open until every port is known.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    private const int SigKill = 9;
    private const int SigTerm = 15;

    private static void Signal(int pid, int signal) => _ = kill(pid, signal); // ESRCH (already gone) is fine

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    [GeneratedRegex(@"messages=(\d+)")]
    private static partial Regex MessagesField();
}
