using System.Reflection;
using System.Reflection.Emit;
using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Tests.Dialogs;

/// <summary>The flows know nothing of the console: they raise domain events, and the console listens.</summary>
public sealed class FlowDependencyTests
{
    private const string FlowsNamespace = "ChatBot.Bot.Flows";
    private const string ConsoleNamespace = "ChatBot.Bot.OfficerConsole";

    [Fact]
    public void No_flow_type_uses_a_console_type_in_its_signatures_or_its_code()
    {
        var flows = typeof(DialogEngine).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith(FlowsNamespace, StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(flows);
        var uses = flows.SelectMany(type => ConsoleTypesUsedBy(type).Select(used => $"{type.FullName} uses {used}")).Distinct().ToList();
        Assert.True(uses.Count == 0, string.Join('\n', uses));
    }

    private static IEnumerable<string> ConsoleTypesUsedBy(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var signatures = type.GetFields(all).Select(f => f.FieldType)
            .Concat(type.GetProperties(all).Select(p => p.PropertyType))
            .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
        var inCode = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).SelectMany(TypesReferencedBy);
        return signatures.Concat(inCode).Where(IsConsole).Select(t => t.FullName ?? t.Name);
    }

    private static bool IsConsole(Type type) =>
        type.Namespace?.StartsWith(ConsoleNamespace, StringComparison.Ordinal) == true
        || (type.IsGenericType && type.GetGenericArguments().Any(IsConsole))
        || (type.HasElementType && IsConsole(type.GetElementType()!));

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types named by the tokens in a method's IL (calls, news, fields, casts).</summary>
    private static IEnumerable<Type> TypesReferencedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                Type? referenced = null;
                try
                {
                    referenced = method.Module.ResolveMember(token, typeArguments, methodArguments) switch
                    {
                        Type t => t,
                        MemberInfo m => m.DeclaringType,
                        _ => null,
                    };
                }
                catch (ArgumentException)
                {
                    // A token of a generic context this reading cannot supply: not a console type either way.
                }

                if (referenced is not null)
                {
                    yield return referenced;
                }
            }

            at += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }
}
