using System.Security.Cryptography;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Persistence;
using Microsoft.Extensions.Logging;

namespace ChatBot.Channels.Media;

/// <summary>What saving one file a person sent came to.</summary>
public abstract record MediaResult
{
    /// <summary>Saved in private storage; the attachment has the real (sniffed) type.</summary>
    public sealed record Stored(StoredAttachment Attachment) : MediaResult;

    /// <summary>Not saved; <paramref name="Reason"/> is one of the <see cref="MediaRefusal"/> codes.</summary>
    public sealed record Refused(string Reason) : MediaResult;
}

/// <summary>Why a file was not saved.</summary>
public static class MediaRefusal
{
    /// <summary>The content is not a JPEG, PNG or PDF, whatever was declared.</summary>
    public const string Type = "type";

    /// <summary>Larger than the channel's limit.</summary>
    public const string Size = "size";

    /// <summary>Not a media URL of our Twilio account: never requested, credentials never sent.</summary>
    public const string NotTwilio = "not_twilio";

    /// <summary>The provider did not deliver it (error status, network failure, too many redirects).</summary>
    public const string Unavailable = "unavailable";
}

/// <summary>
/// Private storage for the files people send (KTP scans, letters), whatever the channel. A file is
/// streamed to a temporary name with a hard size cap; its real type is read from the first bytes
/// (<see cref="FileTypeSniffer"/>) and only JPEG, PNG and PDF are kept. Files get random names and
/// owner-only permissions on Unix (folder 0700, files 0600).
/// </summary>
public sealed class MediaStore(string root, ILogger logger)
{
    private const int BufferSize = 64 * 1024;

    private const UnixFileMode DirectoryMode = OwnerOnly.DirectoryMode;

    private const UnixFileMode FileMode = OwnerOnly.FileMode;

    private readonly Lock _directoryLock = new();
    private bool _directoryReady;

    /// <summary>The folder files are saved in (absolute). <see cref="StoredAttachment.StoragePath"/> is an absolute path inside it.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The media folder under a content root: <c>data/media</c>.</summary>
    public static string DefaultRoot(string contentRoot) => Path.Combine(contentRoot, "data", "media");

    /// <summary>
    /// Saves <paramref name="body"/> if it is an accepted type of at most <paramref name="limit"/> bytes.
    /// <paramref name="label"/> names the file in logs (never personal data); <paramref name="declaredContentType"/>
    /// is only logged: the stored type is the one the content shows.
    /// </summary>
    public async Task<MediaResult> SaveAsync(Stream body, long limit, string label, string? declaredContentType, string? fileName, CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var temporary = Path.Combine(Root, RandomName() + ".part");
        var keep = false;
        try
        {
            SniffedFileType? type = null;
            long total = 0;
            await using (var file = new FileStream(temporary, CreateOptions()))
            {
                var buffer = new byte[BufferSize];
                var head = new byte[FileTypeSniffer.HeaderLength];
                var headLength = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        logger.LogWarning("File {Label} refused: larger than the limit of {Limit} bytes", label, limit);
                        return new MediaResult.Refused(MediaRefusal.Size);
                    }

                    if (type is null && headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                        if (headLength == head.Length)
                        {
                            type = FileTypeSniffer.Detect(head);
                            if (type is null)
                            {
                                return RefuseType(label, declaredContentType);
                            }
                        }
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                type ??= FileTypeSniffer.Detect(head.AsSpan(0, headLength));
                if (type is null)
                {
                    return RefuseType(label, declaredContentType);
                }

                await file.FlushAsync(cancellationToken);
            }

            var path = Path.Combine(Root, RandomName() + type.Extension);
            File.Move(temporary, path);
            keep = true;
            if (!string.Equals(Normalize(declaredContentType), type.ContentType, StringComparison.Ordinal))
            {
                logger.LogInformation("File {Label} was declared {Declared} but is {Actual}; stored as {Actual}",
                    label, Normalize(declaredContentType), type.ContentType, type.ContentType);
            }

            logger.LogDebug("File {Label} stored: {ContentType}, {Size} bytes", label, type.ContentType, total);
            return new MediaResult.Stored(new StoredAttachment(type.ContentType, total, path, SafeFileName(fileName)));
        }
        finally
        {
            if (!keep)
            {
                TryDelete(temporary);
            }
        }
    }

    /// <summary>The name the person gave the file, without any folder and cut to 100 characters.</summary>
    private static string? SafeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? null : name.Length <= 100 ? name : name[..100];
    }

    private MediaResult RefuseType(string label, string? declaredContentType)
    {
        logger.LogWarning("File {Label} refused: declared {Declared}, but the content is not a JPEG, PNG or PDF",
            label, Normalize(declaredContentType));
        return new MediaResult.Refused(MediaRefusal.Type);
    }

    private void EnsureDirectory()
    {
        lock (_directoryLock)
        {
            if (_directoryReady && Directory.Exists(Root))
            {
                return;
            }

            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Root);
            }
            else
            {
                Directory.CreateDirectory(Root, DirectoryMode);
                File.SetUnixFileMode(Root, DirectoryMode);
            }

            _directoryReady = true;
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Nothing more can be done; a stray .part file holds nothing anyone can reach.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    internal static string Normalize(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "(none)";
        }

        var semicolon = contentType.IndexOf(';');
        var bare = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
        return bare.Length <= 100 ? bare : bare[..100];
    }
}
