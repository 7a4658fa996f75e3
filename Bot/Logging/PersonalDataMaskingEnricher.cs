using System.Collections.Frozen;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ChatBot.Bot.Logging;

/// <summary>
/// Masks personal data in every property of a log event, recursively through structures,
/// sequences and dictionaries. Properties whose name marks them as message content or a secret
/// are replaced by <see cref="RedactedValue"/> whatever they hold. Because the rendered message is
/// built from these properties, it is masked as well.
/// </summary>
/// <remarks>
/// Text that does not come from properties (literal template text, exception messages) is handled
/// at output time by <see cref="MaskingTextFormatter"/>.
/// </remarks>
public sealed class PersonalDataMaskingEnricher : ILogEventEnricher
{
    /// <summary>Value written instead of a denylisted property.</summary>
    public const string RedactedValue = "[redacted]";

    private static readonly ScalarValue Redacted = new(RedactedValue);

    private static readonly FrozenSet<string> DeniedNames = new[]
    {
        "Body", "Text", "MessageBody", "Password", "AuthToken", "Token", "Nik", "Secret",
        // A child in conflict with the law (ABH): what little is collected never reaches a log.
        "ChildInitials", "Initials", "ChildAge", "HeldAt", "AllegedOffence", "Offence",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);

        // Collect first: the property dictionary cannot change while it is being enumerated.
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = MaskNamed(name, value);
            if (!ReferenceEquals(masked, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, masked));
            }
        }

        if (changed is null)
        {
            return;
        }

        foreach (var property in changed)
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    private static LogEventPropertyValue MaskNamed(string name, LogEventPropertyValue value) =>
        DeniedNames.Contains(name) ? Redacted : MaskValue(value);

    /// <summary>Returns <paramref name="value"/> itself when nothing inside it needed masking.</summary>
    private static LogEventPropertyValue MaskValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue scalar => MaskScalar(scalar),
        StructureValue structure => MaskStructure(structure),
        SequenceValue sequence => MaskSequence(sequence),
        DictionaryValue dictionary => MaskDictionary(dictionary),
        _ => value,
    };

    private static ScalarValue MaskScalar(ScalarValue scalar)
    {
        // Long integers are checked too: a phone number stored as a number is still a phone number.
        var text = scalar.Value switch
        {
            string s => s,
            long l => l.ToString(CultureInfo.InvariantCulture),
            ulong u => u.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };

        if (text is null)
        {
            return scalar;
        }

        var masked = PersonalDataMasker.Mask(text);
        return ReferenceEquals(masked, text) ? scalar : new ScalarValue(masked);
    }

    private static StructureValue MaskStructure(StructureValue structure)
    {
        var properties = structure.Properties;
        LogEventProperty[]? copy = null;
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var masked = MaskNamed(property.Name, property.Value);
            if (ReferenceEquals(masked, property.Value))
            {
                continue;
            }

            copy ??= [.. properties];
            copy[i] = new LogEventProperty(property.Name, masked);
        }

        return copy is null ? structure : new StructureValue(copy, structure.TypeTag);
    }

    private static SequenceValue MaskSequence(SequenceValue sequence)
    {
        var elements = sequence.Elements;
        LogEventPropertyValue[]? copy = null;
        for (var i = 0; i < elements.Count; i++)
        {
            var masked = MaskValue(elements[i]);
            if (ReferenceEquals(masked, elements[i]))
            {
                continue;
            }

            copy ??= [.. elements];
            copy[i] = masked;
        }

        return copy is null ? sequence : new SequenceValue(copy);
    }

    private static DictionaryValue MaskDictionary(DictionaryValue dictionary)
    {
        var changed = false;
        var entries = new Dictionary<ScalarValue, LogEventPropertyValue>(dictionary.Elements.Count);
        foreach (var (key, value) in dictionary.Elements)
        {
            var maskedValue = key.Value is string name && DeniedNames.Contains(name) ? Redacted : MaskValue(value);

            // Keys are data too (e.g. a map keyed by phone number).
            var maskedKey = MaskScalar(key);
            changed |= !ReferenceEquals(maskedValue, value) || !ReferenceEquals(maskedKey, key);
            entries.Add(Disambiguate(entries, maskedKey), maskedValue);
        }

        return changed ? new DictionaryValue(entries) : dictionary;
    }

    /// <summary>
    /// Two different phone numbers can mask to the same key; keep both entries rather than let the
    /// duplicate key fail the enricher (Serilog would then write the event unmasked).
    /// </summary>
    private static ScalarValue Disambiguate(Dictionary<ScalarValue, LogEventPropertyValue> entries, ScalarValue key)
    {
        if (!entries.ContainsKey(key))
        {
            return key;
        }

        for (var n = 2; ; n++)
        {
            var candidate = new ScalarValue(string.Create(CultureInfo.InvariantCulture, $"{key.Value} #{n}"));
            if (!entries.ContainsKey(candidate))
            {
                return candidate;
            }
        }
    }
}
