namespace ChatBot.Channels.Media;

/// <summary>A file type recognised from its content.</summary>
public sealed record SniffedFileType(string ContentType, string Extension);

/// <summary>
/// Recognises the file types people may send (JPEG, PNG, PDF) from their first bytes. The type a
/// sender or a server declares is never trusted: a program renamed <c>.pdf</c> is still a program.
/// </summary>
public static class FileTypeSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to recognise every type.</summary>
    public const int HeaderLength = 8;

    public static readonly SniffedFileType Jpeg = new("image/jpeg", ".jpg");
    public static readonly SniffedFileType Png = new("image/png", ".png");
    public static readonly SniffedFileType Pdf = new("application/pdf", ".pdf");

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    /// <summary>The type of a file starting with <paramref name="head"/>; null when it is none of the accepted ones.</summary>
    public static SniffedFileType? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (head.StartsWith(PngMagic))
        {
            return Png;
        }

        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        return null;
    }
}
