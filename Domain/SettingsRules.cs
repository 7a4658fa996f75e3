using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ChatBot.Domain;

/// <summary>Options whose rules span several values, or need more than an attribute, name their problems here.</summary>
public interface ISettingsRules
{
    /// <summary>One sentence a problem, naming the full setting; empty when the options can be used.</summary>
    IReadOnlyList<string> Problems();
}

/// <summary>A whole number setting must lie between two bounds (inclusive).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BetweenAttribute(long minimum, long maximum) : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is null || Convert.ToInt64(value, CultureInfo.InvariantCulture) is var number && number >= minimum && number <= maximum;

    public override string FormatErrorMessage(string name) => $"{name} must be between {minimum} and {maximum}.";
}

/// <summary>A duration setting must be longer than zero (or, with <see cref="AllowZero"/>, not negative).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveAttribute : ValidationAttribute
{
    public bool AllowZero { get; init; }

    public override bool IsValid(object? value) =>
        value is not TimeSpan span || span > TimeSpan.Zero || (AllowZero && span == TimeSpan.Zero);

    public override string FormatErrorMessage(string name) =>
        AllowZero ? $"{name} must not be negative." : $"{name} must be longer than zero, e.g. 00:00:30.";
}

/// <summary>Checks bound options against their attributes and rules, at start, before anything runs with them.</summary>
public static class SettingsValidation
{
    /// <summary>Every problem of <paramref name="options"/>, bound from <paramref name="section"/>, each naming its setting.</summary>
    public static IReadOnlyList<string> Problems(object options, string section)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        var problems = results.Select(r => $"{section}:{r.ErrorMessage}").ToList();
        if (options is ISettingsRules rules)
        {
            problems.AddRange(rules.Problems());
        }

        return problems;
    }

    /// <summary>Throws a <see cref="SettingsException"/> naming every problem of <paramref name="options"/>.</summary>
    public static T Checked<T>(T options, string section)
        where T : class =>
        Problems(options, section) is { Count: > 0 } problems ? throw new SettingsException(problems) : options;
}
