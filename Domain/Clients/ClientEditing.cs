using ChatBot.Domain.Officers;

namespace ChatBot.Domain.Clients;

/// <summary>The parts of a client's record an officer changes one by one.</summary>
public enum ClientField
{
    RegistrationNumber,
    FullName,
    BirthDate,
    Pk,
    Phone,
    Email,
    Town,
    Programme,
    SupervisionStart,
    SupervisionEnd,
}

/// <summary>
/// Who may change what in the register, of the clients they may see (<see cref="ClientRegister.VisibleTo"/>):
/// the head of office and admins everything, the PK appointment included; a Kasubsi everything but the
/// appointment; a PK the contact details of their own clients (telephone, e-mail, town), which they learn
/// first when a client moves or changes number. Adding a client by hand is for the roles that see them all.
/// </summary>
public static class ClientEditing
{
    /// <summary>The roles that appoint a client's PK (and change the appointment).</summary>
    public static readonly IReadOnlyList<OfficerRole> AssignPk = [OfficerRole.Admin, OfficerRole.Kepala];

    /// <summary>What a PK may change on their own clients.</summary>
    public static readonly IReadOnlySet<ClientField> Contact = new HashSet<ClientField> { ClientField.Phone, ClientField.Email, ClientField.Town };

    private static readonly IReadOnlySet<ClientField> Every = Enum.GetValues<ClientField>().ToHashSet();

    private static readonly IReadOnlySet<ClientField> AllButPk = Every.Where(f => f != ClientField.Pk).ToHashSet();

    private static readonly IReadOnlySet<ClientField> Nothing = new HashSet<ClientField>();

    public static bool MayAssignPk(OfficerRole role) => AssignPk.Contains(role);

    public static bool MayAdd(OfficerRole role) => ClientRegister.SeeAll.Contains(role);

    /// <summary>The fields <paramref name="role"/> may change on a client they may see.</summary>
    public static IReadOnlySet<ClientField> Editable(OfficerRole role) =>
        MayAssignPk(role) ? Every
        : ClientRegister.SeeAll.Contains(role) ? AllButPk
        : role == OfficerRole.Pk ? Contact
        : Nothing;
}
