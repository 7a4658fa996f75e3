using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Bot.Dialogs;

/// <summary>One dialog on the stack with its state.</summary>
public sealed class DialogInstance
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("v")]
    public int Version { get; init; }

    [JsonPropertyName("s")]
    public JsonNode? State { get; set; }
}

/// <summary>
/// A flow put aside when the person left it: the part of the stack from the flow's first dialog up to
/// the dialog that kept it (<see cref="Of"/>), with their states as they were.
/// </summary>
public sealed class DialogDraft
{
    [JsonPropertyName("of")]
    public required string Of { get; init; }

    [JsonPropertyName("stack")]
    public List<DialogInstance> Instances { get; init; } = [];
}

/// <summary>The dialog stack as stored with the conversation (JSON), top last.</summary>
public sealed class DialogStack
{
    /// <summary>Format of the stored envelope itself; a change restarts every conversation politely.</summary>
    public const int FormatVersion = 1;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    [JsonPropertyName("f")]
    public int Format { get; set; } = FormatVersion;

    [JsonPropertyName("stack")]
    public List<DialogInstance> Instances { get; set; } = [];

    /// <summary>
    /// Flows the person left half-done (with <c>menu</c> or <c>batal</c>) and may take up again, oldest first;
    /// null when there are none. They live here, with the conversation, until taken up or discarded.
    /// </summary>
    [JsonPropertyName("drafts")]
    public List<DialogDraft>? Drafts { get; set; }

    public DialogInstance? Top => Instances.Count == 0 ? null : Instances[^1];

    /// <summary>Nothing to store: no dialog waits and no draft is kept.</summary>
    [JsonIgnore]
    public bool IsEmpty => Instances.Count == 0 && Drafts is not { Count: > 0 };

    /// <summary>The stack alone, without the drafts: what the running flow has collected.</summary>
    public string SerializeRunning() => new DialogStack { Format = Format, Instances = Instances }.Serialize();

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored stack; null when it cannot be read (corrupt, or an older format).</summary>
    public static DialogStack? TryDeserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new DialogStack();
        }

        try
        {
            var stack = JsonSerializer.Deserialize<DialogStack>(json, Json);
            return stack is { Format: FormatVersion } ? stack : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
