using System.Reflection;
using System.Reflection.Emit;
using ChatBot.Bot.Dialogs;

namespace ChatBot.Bot.Tests.Dialogs;

/// <summary>The flows know nothing of the console (they raise domain events, and the console listens), and dialogs nothing of the DbContext.</summary>
public sealed class FlowDependencyTests
{
    private const string FlowsNamespace = "ChatBot.Bot.Flows";
    private const string ConsoleNamespace = "ChatBot.Bot.OfficerConsole";

    [Fact]
    public void No_flow_type_uses_a_console_type_in_its_signatures_or_its_code()
    {
        var flows = FlowTypes().ToList();
        Assert.NotEmpty(flows);
        var uses = flows.SelectMany(type => TypesUsedBy(type).Where(IsConsole).Select(used => $"{type.FullName} uses {used.FullName ?? used.Name}")).Distinct().ToList();
        Assert.True(uses.Count == 0, string.Join('\n', uses));
    }

    /// <summary>
    /// A dialog changes the store only through domain operations on the turn's unit of work: no dialog, and
    /// nothing a dialog hands its context to, names the DbContext or EF Core.
    /// </summary>
    [Fact]
    public void No_dialog_reaches_the_store_but_through_the_turns_unit_of_work()
    {
        var dialogSide = FlowTypes().Where(IsDialogSide).ToList();
        Assert.Contains(dialogSide, t => t.Name == "ComplaintDialog");
        Assert.Contains(dialogSide, t => t.Name == "LitmasLookup");
        var uses = dialogSide.SelectMany(type => TypesUsedBy(type).Where(IsStore).Select(used => $"{type.FullName} uses {used.FullName ?? used.Name}")).Distinct().ToList();
        Assert.True(uses.Count == 0, string.Join('\n', uses));
    }

    private static IEnumerable<Type> FlowTypes() =>
        typeof(DialogEngine).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith(FlowsNamespace, StringComparison.Ordinal) == true);

    /// <summary>A dialog, a type nested in one (its lambdas and async steps), or a helper that takes a dialog's context.</summary>
    private static bool IsDialogSide(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (typeof(Dialog).IsAssignableFrom(t)
                || t.GetMethods(All).Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(DialogContext)
                    || (p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(WaterfallStepContext<>)))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStore(Type type) => Involves(type, t =>
        t == typeof(ChatBot.Domain.Persistence.ChatBotDb) || t.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) == true);

    private static bool IsConsole(Type type) => Involves(type, t => t.Namespace?.StartsWith(ConsoleNamespace, StringComparison.Ordinal) == true);

    /// <summary><paramref name="type"/> is, holds (as a type argument) or is an array of a type that <paramref name="matches"/>.</summary>
    private static bool Involves(Type type, Func<Type, bool> matches) =>
        matches(type)
        || (type.IsGenericType && type.GetGenericArguments().Any(t => Involves(t, matches)))
        || (type.HasElementType && Involves(type.GetElementType()!, matches));

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var signatures = type.GetFields(All).Select(f => f.FieldType)
            .Concat(type.GetProperties(All).Select(p => p.PropertyType))
            .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
            .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
        var inCode = type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)).SelectMany(TypesReferencedBy);
        return signatures.Concat(inCode);
    }

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
                Type?[] referenced = [];
                try
                {
                    referenced = method.Module.ResolveMember(token, typeArguments, methodArguments) switch
                    {
                        Type t => [t],
                        MethodInfo m => [m.DeclaringType, m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType)],
                        ConstructorInfo c => [c.DeclaringType, .. c.GetParameters().Select(p => p.ParameterType)],
                        FieldInfo f => [f.DeclaringType, f.FieldType],
                        MemberInfo m => [m.DeclaringType],
                        _ => [],
                    };
                }
                catch (ArgumentException)
                {
                    // A token of a generic context this reading cannot supply: not a console type either way.
                }

                foreach (var used in referenced)
                {
                    if (used is not null)
                    {
                        yield return used;
                    }
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
