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

    public DialogInstance? Top => Instances.Count == 0 ? null : Instances[^1];

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
