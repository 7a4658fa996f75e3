using System.Reflection;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace ChatBot.Bot.Flows.TravelPermit;

/// <summary>What a permit letter says; every text in Indonesian, as the office writes it.</summary>
public sealed record LetterContent(
    string OfficeName,
    string? OfficeAddress,
    string? OfficePhone,
    string LetterNumber,
    string ClientName,
    string RegistrationNumber,
    string DestinationTown,
    string DestinationAddress,
    string Purpose,
    DateOnly DepartOn,
    DateOnly ReturnOn,
    string SignerName,
    string SignedAt,
    string VerificationCode,
    string VerificationUrl);

/// <summary>
/// The permit letter as a PDF (A4) with PDFsharp: the office's letterhead, the number, the client and the
/// trip, the conditions, the head's electronic signature and the verification code. Fonts are the DejaVu
/// Sans shipped inside the service (or the files <see cref="PermitOptions.FontPath"/> names), so letters
/// look the same on any machine, with or without system fonts.
/// </summary>
public sealed class PermitLetterPdf
{
    private const string Family = "Letter";
    private static readonly Lock FontGate = new();
    private static readonly System.Globalization.CultureInfo Indonesian = System.Globalization.CultureInfo.GetCultureInfo("id-ID");

    public PermitLetterPdf(PermitOptions options)
    {
        lock (FontGate)
        {
            // PDFsharp keeps one resolver per process; the first letter writer sets it.
            GlobalFontSettings.FontResolver ??= new LetterFonts(options.FontPath, options.BoldFontPath);
        }
    }

    public byte[] Render(LetterContent letter)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"Surat Izin ke Luar Kota {letter.LetterNumber}";
        document.Info.Author = letter.OfficeName;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, page.Width.Point, letter);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Draw(XGraphics gfx, double width, LetterContent l)
    {
        var regular = new XFont(Family, 10.5, XFontStyleEx.Regular);
        var bold = new XFont(Family, 10.5, XFontStyleEx.Bold);
        var heading = new XFont(Family, 13, XFontStyleEx.Bold);
        var small = new XFont(Family, 8.5, XFontStyleEx.Regular);
        const double margin = 56;
        var text = new Writer(gfx, new XTextFormatter(gfx));
        var inner = width - 2 * margin;
        var y = 48.0;

        // Letterhead.
        gfx.DrawString("KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA", bold, XBrushes.Black, new XRect(margin, y, inner, 14), XStringFormats.TopCenter);
        y += 16;
        gfx.DrawString(l.OfficeName.ToUpper(Indonesian), heading, XBrushes.Black, new XRect(margin, y, inner, 18), XStringFormats.TopCenter);
        y += 20;
        var contact = string.Join(" · ", new[] { l.OfficeAddress, l.OfficePhone is { Length: > 0 } phone ? "Telepon " + phone : null }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (contact.Length > 0)
        {
            gfx.DrawString(contact, small, XBrushes.Black, new XRect(margin, y, inner, 12), XStringFormats.TopCenter);
            y += 14;
        }

        gfx.DrawLine(new XPen(XColors.Black, 1.5), margin, y + 2, width - margin, y + 2);
        y += 22;

        gfx.DrawString("SURAT IZIN KE LUAR KOTA", heading, XBrushes.Black, new XRect(margin, y, inner, 18), XStringFormats.TopCenter);
        y += 18;
        gfx.DrawString($"Nomor: {l.LetterNumber}", regular, XBrushes.Black, new XRect(margin, y, inner, 14), XStringFormats.TopCenter);
        y += 30;

        y = Paragraph(text, regular, margin, y, inner, $"Kepala {l.OfficeName} memberikan izin ke luar kota kepada klien pemasyarakatan:");
        y += 6;
        (string Label, string Value)[] rows =
        [
            ("Nama", l.ClientName),
            ("Nomor register", l.RegistrationNumber),
            ("Kota tujuan", l.DestinationTown),
            ("Alamat tujuan", l.DestinationAddress),
            ("Keperluan", l.Purpose),
            ("Berangkat", l.DepartOn.ToString("d MMMM yyyy", Indonesian)),
            ("Kembali", l.ReturnOn.ToString("d MMMM yyyy", Indonesian)),
        ];
        foreach (var (label, value) in rows)
        {
            gfx.DrawString(label, regular, XBrushes.Black, new XRect(margin + 12, y, 120, 14), XStringFormats.TopLeft);
            gfx.DrawString(":", regular, XBrushes.Black, new XRect(margin + 132, y, 10, 14), XStringFormats.TopLeft);
            y = Paragraph(text, label == "Nama" ? bold : regular, margin + 142, y, inner - 142, value) + 2;
        }

        y += 10;
        y = Paragraph(text, bold, margin, y, inner, "Dengan ketentuan:");
        y += 2;
        string[] conditions =
        [
            $"Melaporkan diri kepada Bapas atau kantor kepolisian setempat setibanya di {l.DestinationTown}.",
            $"Kembali ke kota asal tepat waktu, paling lambat tanggal {l.ReturnOn.ToString("d MMMM yyyy", Indonesian)}, dan melapor kepada Pembimbing Kemasyarakatan.",
            "Menaati hukum dan syarat pembimbingan selama perjalanan; surat ini dibawa selama perjalanan.",
        ];
        for (var i = 0; i < conditions.Length; i++)
        {
            gfx.DrawString($"{i + 1}.", regular, XBrushes.Black, new XRect(margin + 12, y, 16, 14), XStringFormats.TopLeft);
            y = Paragraph(text, regular, margin + 30, y, inner - 30, conditions[i]) + 2;
        }

        y += 24;
        var signX = margin + inner / 2;
        var signWidth = inner / 2;
        y = Paragraph(text, regular, signX, y, signWidth, $"Kepala {l.OfficeName},");
        y = Paragraph(text, small, signX, y + 6, signWidth, $"Ditandatangani secara elektronik pada {l.SignedAt}");
        y += 20;
        y = Paragraph(text, bold, signX, y, signWidth, l.SignerName);

        // Verification, at the foot of the page.
        var foot = Math.Max(y + 40, 760);
        gfx.DrawLine(new XPen(XColors.Gray, 0.5), margin, foot, width - margin, foot);
        Paragraph(text, small, margin, foot + 6, inner,
            $"Kode verifikasi: {l.VerificationCode}. Keaslian dan keberlakuan surat ini dapat diperiksa di {l.VerificationUrl}");
    }

    /// <summary>Writes wrapped text from <paramref name="y"/>; returns where the next line starts.</summary>
    private static double Paragraph(Writer text, XFont font, double x, double y, double width, string value)
    {
        var lineHeight = font.GetHeight();
        var measure = Lines(text, font, width, value);
        var height = Math.Max(1, measure) * lineHeight;
        text.Formatter.DrawString(value, font, XBrushes.Black, new XRect(x, y, width, height + 2), XStringFormats.TopLeft);
        return y + height;
    }

    /// <summary>How many lines <paramref name="value"/> takes at <paramref name="width"/> (greedy word wrap, as the formatter does).</summary>
    private static int Lines(Writer text, XFont font, double width, string value)
    {
        var gfx = text.Graphics;
        var lines = 0;
        foreach (var paragraph in value.Split('\n'))
        {
            lines++;
            var current = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var w = gfx.MeasureString(word + " ", font).Width;
                if (current > 0 && current + w > width)
                {
                    lines++;
                    current = 0;
                }

                current += w;
            }
        }

        return lines;
    }

    private sealed record Writer(XGraphics Graphics, XTextFormatter Formatter);

    /// <summary>The two faces letters are written in.</summary>
    private sealed class LetterFonts(string regularPath, string boldPath) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "Letter#Bold" : "Letter#Regular");

        public byte[]? GetFont(string faceName) => faceName == "Letter#Bold"
            ? Read(boldPath, "DejaVuSans-Bold.ttf")
            : Read(regularPath, "DejaVuSans.ttf");

        private static byte[] Read(string path, string shipped)
        {
            if (path.Length > 0)
            {
                return File.ReadAllBytes(path);
            }

            using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream("ChatBot.Fonts." + shipped)
                ?? throw new InvalidOperationException($"The font {shipped} is not embedded in the service.");
            using var copy = new MemoryStream();
            resource.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
