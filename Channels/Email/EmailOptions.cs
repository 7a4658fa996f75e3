using ChatBot.Domain;
namespace ChatBot.Channels.Email;

/// <summary>IMAP settings of the office mailbox (<c>Channels:Email:Imap</c>).</summary>
public sealed class ImapOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 993;

    public bool UseSsl { get; set; } = true;

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public string Folder { get; set; } = "INBOX";
}

/// <summary>SMTP settings for answers (<c>Channels:Email:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public bool UseSsl { get; set; }

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";
}

/// <summary>Bound from <c>Channels:Email</c>. Passwords come from the environment or user-secrets.</summary>
public sealed class EmailOptions : ISettingsRules
{
    public const string Section = "Channels:Email";

    public bool Enabled { get; set; }

    /// <summary>The bot's address; its domain also marks our own Message-IDs.</summary>
    public string Address { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public ImapOptions Imap { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Largest attachment accepted from a person (bytes).</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Most answers sent to one address within a minute; more wait (a person writing a burst of mail,
    /// or a mail loop with an auto-responder that does not say it is one).
    /// </summary>
    public int MaxRepliesPerSenderPerMinute { get; set; } = 5;

    /// <summary>The domain of our own Message-IDs: recognising them stops the bot answering itself.</summary>
    public string MessageIdDomain => "chatbot." + Domain;

    /// <summary>The domain of <see cref="Address"/>.</summary>
    public string Domain => Address.Contains('@') ? Address[(Address.LastIndexOf('@') + 1)..].ToLowerInvariant() : "localhost";

    /// <summary>What is wrong with the settings, in plain words; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        if (!System.Net.Mail.MailAddress.TryCreate(Address, out _))
        {
            problems.Add("Channels:Email:Address must be the bot's e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(Imap.Host) || Imap.Port is < 1 or > 65535)
        {
            problems.Add("Channels:Email:Imap:Host and Port are required.");
        }

        if (string.IsNullOrWhiteSpace(Smtp.Host) || Smtp.Port is < 1 or > 65535)
        {
            problems.Add("Channels:Email:Smtp:Host and Port are required.");
        }

        if (string.IsNullOrWhiteSpace(Imap.Username) || string.IsNullOrEmpty(Imap.Password))
        {
            problems.Add("Channels:Email:Imap:Username and Password are required (the password from the environment: Channels__Email__Imap__Password).");
        }

        return problems;
    }
}
