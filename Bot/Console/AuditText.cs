using System.Globalization;
using System.Text.RegularExpressions;
using ChatBot.Bot.OfficerConsole.Litmas;
using ChatBot.Bot.OfficerConsole.Visits;
using ChatBot.Domain.Clients;
using ChatBot.Domain.Litmas;
using ChatBot.Domain.Officers;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Requests;
using ChatBot.Domain.Visits;

namespace ChatBot.Bot.OfficerConsole;

/// <summary>An action the audit log names, as the filter offers it: the stored code, its words and its group.</summary>
public sealed record AuditAction(string Code, string Label, string Group);

/// <summary>A record an audit row is about, as the log shows it: its words and, when it has a page, where that is.</summary>
public sealed record AuditSubject(string Label, string? Href);

/// <summary>
/// How the audit log reads to an officer (Indonesian): the stored action codes
/// (<c>visits.queue.view</c>), subjects (<c>Conversation/42</c>) and details (<c>2 case(s) shown</c>)
/// stay as they are written, for scripts and old rows alike, and are put into words here when shown.
/// A new action gets its words in <see cref="Known"/>; a request type's steps are named from its own
/// step table. A code nobody named yet is shown as its words ("Foo bar"), never as a bare code.
/// </summary>
public sealed partial class AuditText
{
    private const string Accounts = "Akun dan masuk";
    private const string Conversations = "Percakapan";
    private const string Visits = "Kunjungan";
    private const string LitmasGroup = "Litmas";
    private const string Messages = "Pesan keluar";
    private const string ClientsGroup = "Klien";
    private const string Other = "Lainnya";
    private const string AbhGroup = "Pendampingan ABH";

    private static readonly AuditAction[] Known =
    [
        new("officer.signin", "Masuk ke konsol", Accounts),
        new("officer.signin.failed", "Gagal masuk (nama atau kata sandi salah)", Accounts),
        new("officer.signin.locked", "Masuk ditolak: akun terkunci", Accounts),
        new("officer.lockout", "Akun dikunci (terlalu sering salah kata sandi)", Accounts),
        new("officer.signin.throttled", "Percobaan masuk dibatasi sementara", Accounts),
        new("officer.signout", "Keluar dari konsol", Accounts),
        new("officer.create", "Membuat akun petugas", Accounts),
        new("officer.rename", "Mengubah nama petugas", Accounts),
        new("officer.role", "Mengubah peran petugas", Accounts),
        new("officer.office", "Memindahkan petugas ke kantor lain", Accounts),
        new("officer.contact", "Mengubah telepon atau email piket petugas", Accounts),
        new("officer.disable", "Menonaktifkan akun petugas", Accounts),
        new("officer.enable", "Mengaktifkan kembali akun petugas", Accounts),
        new("officer.password.reset", "Mengatur ulang kata sandi petugas", Accounts),
        new("officer.password.change", "Mengganti kata sandi sendiri", Accounts),
        new("officer.password.change.failed", "Gagal mengganti kata sandi (kata sandi lama salah)", Accounts),
        new("conversation.view", "Membuka percakapan", Conversations),
        new("handover.take", "Mengambil percakapan", Conversations),
        new("handover.reply", "Membalas warga", Conversations),
        new("handover.return", "Mengembalikan percakapan ke bot", Conversations),
        new("handover.close", "Menutup percakapan", Conversations),
        new("handover.ticket.answer", "Menjawab pesan yang ditinggalkan", Conversations),
        new("handover.ticket.close", "Menutup pesan yang ditinggalkan tanpa balasan", Conversations),
        new("canned.create", "Menambah jawaban siap pakai", Conversations),
        new("canned.delete", "Menghapus jawaban siap pakai", Conversations),
        new("faq.create", "Menambah tanya jawab", Conversations),
        new("faq.update", "Mengubah tanya jawab", Conversations),
        new("faq.delete", "Menghapus tanya jawab", Conversations),
        new("outbound.retry", "Mengirim ulang pesan yang gagal", Messages),
        new("complaint.view", "Membuka pengaduan", "Pengaduan"),
        new("complaint.file.view", "Membuka lampiran pengaduan", "Pengaduan"),
        new("complaint.reporter.view", "Melihat data pelapor pengaduan", "Pengaduan"),
        new("integration.list", "Membuka daftar permohonan informasi integrasi", "Informasi integrasi"),
        new("integration.view", "Membuka permohonan informasi integrasi", "Informasi integrasi"),
        new("integration.ktp.view", "Membuka KTP pemohon", "Informasi integrasi"),
        new("integration.ktp.denied", "Ditolak membuka KTP pemohon", "Informasi integrasi"),
        new("permit.list", "Membuka daftar permohonan izin ke luar kota", "Izin ke luar kota"),
        new("permit.view", "Membuka permohonan izin ke luar kota", "Izin ke luar kota"),
        new("permit.letter.view", "Membuka surat izin ke luar kota", "Izin ke luar kota"),
        new("permit.request-file.view", "Membuka surat permohonan bertanda tangan", "Izin ke luar kota"),
        new("litmas.list", "Membuka daftar litmas", LitmasGroup),
        new("litmas.view", "Membuka kasus litmas", LitmasGroup),
        new("litmas.create", "Mencatat kasus litmas baru", LitmasGroup),
        new("litmas.stage", "Mengubah tahap litmas", LitmasGroup),
        new("litmas.import", "Mengimpor data litmas", LitmasGroup),
        new("litmas.attempts.view", "Membuka percobaan cek nomor litmas", LitmasGroup),
        new("client.list", "Membuka register klien", ClientsGroup),
        new("client.view", "Membuka data klien", ClientsGroup),
        new("client.create", "Menambah klien", ClientsGroup),
        new("client.update", "Mengubah data klien", ClientsGroup),
        new("client.pk", "Mengubah PK klien", ClientsGroup),
        new("client.import", "Mengimpor register klien", ClientsGroup),
        new("client.newinfo", "Menandai informasi baru tentang klien", ClientsGroup),
        new("assessment.list", "Membuka daftar asesmen jatuh tempo", ClientsGroup),
        new("assessment.record", "Mencatat asesmen risiko dan kebutuhan", ClientsGroup),
        new("assessment.document.view", "Membuka dokumen asesmen", ClientsGroup),
        new("visits.queue.view", "Membuka antrean kunjungan", Visits),
        new("visits.schedule.update", "Mengubah jadwal kunjungan", Visits),
        new("visits.roster.import", "Mengunggah data WBP", Visits),
        new("abh.list", "Membuka daftar pendampingan ABH", AbhGroup),
        new("abh.letter.view", "Membuka surat permohonan pendampingan ABH", AbhGroup),
        new("abh.letter.denied", "Ditolak membuka surat permohonan pendampingan ABH", AbhGroup),
        new("abh.litmas", "Pendampingan ABH: membuka kasus litmas untuk anak", AbhGroup),
        new("duty.add", "Menambah giliran piket", AbhGroup),
        new("duty.remove", "Menghapus giliran piket", AbhGroup),
        new("office.seed", "Kantor pertama dibuat", Other),
        new("office.add", "Menambah kantor", Other),
        new("office.update", "Mengubah pengaturan kantor", Other),
        new("office.configure", "Pengaturan kantor dari konfigurasi diterapkan", Other),
    ];

    private static readonly Dictionary<string, string> SubjectLabels = new(StringComparer.Ordinal)
    {
        ["Conversation"] = "Percakapan",
        ["Complaint"] = "Pengaduan",
        ["IntegrationRequest"] = "Permohonan informasi integrasi",
        ["TravelPermit"] = "Permohonan izin ke luar kota",
        ["LitmasCase"] = "Kasus litmas",
        ["Client"] = "Klien",
        ["LookupAttempt"] = "Percobaan cek nomor",
        ["Visit"] = "Kunjungan",
        ["Visits"] = "Antrean kunjungan",
        ["Office"] = "Kantor",
        ["Officer"] = "Akun petugas",
        ["CannedReply"] = "Jawaban siap pakai",
        ["OutboundMessage"] = "Pesan keluar",
        ["AbhRequest"] = "Permohonan pendampingan ABH",
        ["DutyShift"] = "Giliran piket",
    };

    /// <summary>The office settings an <c>office.update</c> entry names.</summary>
    private static readonly Dictionary<string, string> OfficeFields = new(StringComparer.Ordinal)
    {
        ["Code"] = "kode",
        ["Name"] = "nama",
        ["Type"] = "jenis",
        ["TimeZoneId"] = "zona waktu",
        ["Address"] = "alamat",
        ["Phone"] = "telepon",
        ["WhatsAppNumber"] = "nomor WhatsApp",
        ["EmailAddress"] = "email",
        ["OpensAt"] = "jam buka",
        ["ClosesAt"] = "jam tutup",
        ["WorkDays"] = "hari kerja",
        ["Holidays"] = "hari libur",
        ["Services"] = "layanan",
        ["RegionOfficeId"] = "wilayah",
    };

    private static readonly Dictionary<string, string> ShownNouns = new(StringComparer.Ordinal)
    {
        ["case"] = "kasus",
        ["attempt"] = "percobaan",
        ["request"] = "permohonan",
        ["client"] = "klien",
    };

    private readonly OfficeDirectory _offices;
    private readonly IReadOnlyList<AuditAction> _actions;
    private readonly Dictionary<string, AuditAction> _byCode;
    private readonly Dictionary<string, IRequestType> _typesBySubject;

    public AuditText(IEnumerable<IRequestType> types, OfficeDirectory offices)
    {
        _offices = offices;
        var actions = new List<AuditAction>(Known);
        var requestTypes = types.ToList();
        foreach (var type in requestTypes)
        {
            actions.Add(new($"{type.Kind}.view", $"Membuka {Lower(type.Label)}", type.Label));
            actions.AddRange(type.StepLabels.Select(step => new AuditAction($"{type.Kind}.{step.Name}", $"{type.Label}: {Lower(step.Label)}", type.Label)));
        }

        actions.AddRange(Enum.GetValues<VisitStatus>().Where(s => s != VisitStatus.Booked)
            .Select(s => new AuditAction($"visit.{s.ToString().ToLowerInvariant()}", $"Kunjungan: {Lower(VisitConsoleText.Status(s))}", Visits)));

        // The first word for a code wins: the table above over a request type's generic "Membuka …".
        _byCode = new Dictionary<string, AuditAction>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            _byCode.TryAdd(action.Code, action);
        }

        _actions = [.. _byCode.Values];
        _typesBySubject = requestTypes.GroupBy(t => t.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>Every action with words, grouped as the filter lists them (groups in first-seen order).</summary>
    public IReadOnlyList<IGrouping<string, AuditAction>> Choices => [.. _actions.GroupBy(a => a.Group)];

    /// <summary>True when <paramref name="code"/> is an action the log has words for.</summary>
    public bool IsKnown(string code) => _byCode.ContainsKey(code);

    /// <summary>What the officer did, in words: <c>visits.queue.view</c> is "Membuka antrean kunjungan".</summary>
    public string Action(string code)
    {
        if (_byCode.TryGetValue(code, out var known))
        {
            return known.Label;
        }

        var words = WordSeparators().Replace(code, " ").Trim();
        return words.Length == 0 ? "—" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The row's details in Indonesian; free text (a title someone typed) is shown as written.</summary>
    public string? Details(string action, string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return null;
        }

        if (Shown().Match(details) is { Success: true } shown)
        {
            var noun = shown.Groups["noun"].Value;
            return $"{shown.Groups["n"].Value} {ShownNouns.GetValueOrDefault(noun, noun)} ditampilkan";
        }

        if (ImportCounts().Match(details) is { Success: true } import)
        {
            return $"{import.Groups["added"].Value} ditambah, {import.Groups["updated"].Value} diperbarui, {import.Groups["unchanged"].Value} tidak berubah";
        }

        if (RosterCounts().Match(details) is { Success: true } roster)
        {
            return $"{roster.Groups["added"].Value} ditambah, {roster.Groups["updated"].Value} diperbarui";
        }

        if (RosterRefused().Match(details) is { Success: true } refused)
        {
            return $"ditolak: {refused.Groups["n"].Value} masalah";
        }

        if (details is "child's data shown" or "child's data masked")
        {
            return details.EndsWith("shown", StringComparison.Ordinal) ? "data anak ditampilkan" : "data anak disamarkan";
        }

        if (DutyShiftDetails().Match(details) is { Success: true } shift)
        {
            return shift.Groups["rank"].Success ? $"petugas #{shift.Groups["officer"].Value}, urutan {shift.Groups["rank"].Value}" : $"petugas #{shift.Groups["officer"].Value}";
        }

        if (details == "unknown account")
        {
            return "nama pengguna tidak dikenal";
        }

        if (action == "officer.create" && Enum.TryParse<OfficerRole>(details, out var role) && Enum.IsDefined(role))
        {
            return $"peran {ConsoleText.RoleLabel(role)}";
        }

        if (action == "officer.role" && RoleChange().Match(details) is { Success: true } roles
            && Enum.TryParse<OfficerRole>(roles.Groups["from"].Value, out var oldRole) && Enum.TryParse<OfficerRole>(roles.Groups["to"].Value, out var newRole))
        {
            return $"{ConsoleText.RoleLabel(oldRole)} → {ConsoleText.RoleLabel(newRole)}";
        }

        if (action == "office.update")
        {
            return string.Join(", ", details.Split(", ").Select(field => OfficeFields.GetValueOrDefault(field, field)));
        }

        if (action == "officer.contact")
        {
            return string.Join(", ", details.Split(", ").Select(field => field switch { "Phone" => "telepon", "Email" => "email", _ => field }));
        }

        if (action == "client.update")
        {
            return string.Join(", ", details.Split(", ").Select(field => Enum.TryParse<ClientField>(field, out var known) ? ClientFieldLabel(known) : field));
        }

        if (action == "litmas.stage" && StageChange().Match(details) is { Success: true } stage
            && LitmasStages.Parse(stage.Groups["from"].Value) is { } from && LitmasStages.Parse(stage.Groups["to"].Value) is { } to)
        {
            return $"{LitmasFormat.StageLabel(from)} → {LitmasFormat.StageLabel(to)}";
        }

        return details;
    }

    /// <summary>The record a row is about, in words, with a link where the record has a page.</summary>
    public AuditSubject? Subject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var slash = subject.IndexOf('/', StringComparison.Ordinal);
        var type = slash < 0 ? subject : subject[..slash];
        var key = slash < 0 ? null : subject[(slash + 1)..];
        var requestType = _typesBySubject.GetValueOrDefault(type);
        var label = SubjectLabels.GetValueOrDefault(type) ?? requestType?.Label ?? Action(type);
        if (key is null)
        {
            return new(label, null);
        }

        var id = long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        switch (type)
        {
            case "Office":
                var office = id is { } officeId && officeId <= int.MaxValue ? _offices.Find((int)officeId) : _offices.FindByCode(key);
                return new($"{label} {office?.Name ?? key}", null);
            case "Visits" when DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                return new($"{label} {day.ToString("d MMM yyyy", ConsoleText.Indonesian)}", $"/console/visits?tanggal={key}");
        }

        string? href = (type, id) switch
        {
            (_, null) => null,
            ("Conversation", _) => $"/console/percakapan/{id}",
            ("Complaint", _) => $"/console/pengaduan/{id}",
            ("IntegrationRequest", _) => $"/console/integrasi/{id}",
            ("TravelPermit", _) => $"/console/izin/{id}",
            ("LitmasCase", _) => $"/console/litmas/{id}",
            ("Client", _) => $"/console/klien/{id}",
            ("AbhRequest", _) => $"/console/abh/{id}",
            _ when requestType is not null => requestType.ConsolePath is { } own ? $"{own}/{id}" : $"/console/permohonan/{requestType.Kind}/{id}",
            _ => null,
        };
        return new($"{label} {key}", href);
    }

    /// <summary>A field of a client's record, as the audit log names it.</summary>
    public static string ClientFieldLabel(ClientField field) => field switch
    {
        ClientField.RegistrationNumber => "nomor registrasi",
        ClientField.FullName => "nama lengkap",
        ClientField.BirthDate => "tanggal lahir",
        ClientField.Pk => "PK",
        ClientField.Phone => "telepon",
        ClientField.Email => "email",
        ClientField.Town => "kota",
        ClientField.Programme => "program",
        ClientField.SupervisionStart => "mulai bimbingan",
        ClientField.SupervisionEnd => "akhir bimbingan",
        _ => field.ToString(),
    };

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], ConsoleText.Indonesian) + text[1..];

    [GeneratedRegex("[._-]+")]
    private static partial Regex WordSeparators();

    [GeneratedRegex(@"^(?<n>\d+) (?<noun>[a-z]+)\(s\) shown$")]
    private static partial Regex Shown();

    [GeneratedRegex(@"^(?<added>\d+) added, (?<updated>\d+) updated, (?<unchanged>\d+) unchanged$")]
    private static partial Regex ImportCounts();

    [GeneratedRegex(@"^added (?<added>\d+), updated (?<updated>\d+)$")]
    private static partial Regex RosterCounts();

    [GeneratedRegex(@"^refused: (?<n>\d+) problem\(s\)$")]
    private static partial Regex RosterRefused();

    [GeneratedRegex(@"^(?<from>[a-z_]+) → (?<to>[a-z_]+)$")]
    private static partial Regex StageChange();

    [GeneratedRegex(@"^officer (?<officer>\d+)(, rank (?<rank>\d+))?$")]
    private static partial Regex DutyShiftDetails();

    [GeneratedRegex(@"^(?<from>[A-Za-z]+) → (?<to>[A-Za-z]+)$")]
    private static partial Regex RoleChange();
}
