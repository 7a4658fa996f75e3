using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Tests.Dialogs;

/// <summary>A flow joins the service through its module alone: the engine and the menu name no flow.</summary>
public sealed class FlowModuleTests
{
    /// <summary>A flow only this test knows: a menu entry, and <c>status uji NUMBER</c> from anywhere.</summary>
    private sealed class TestFlow : IFlowModule
    {
        public void Register(FlowRegistration flow) =>
            flow.Dialog(_ => new WaterfallDialog<TestLookupState>("test.lookup", [("answer", Answer)]))
                .Menu(new MenuEntry("test", OfficeServices.None, "test.lookup", Order: 45, _ => new MenuLabel("Layanan uji", ["uji"])))
                .Quick(QuickCommand.Status("test.lookup", OfficeServices.None, "uji"));

        private static Task<DialogTurnResult> Answer(WaterfallStepContext<TestLookupState> step)
        {
            step.Say($"Hasil uji untuk {step.State.Given?.Query ?? "tanpa nomor"}.");
            return step.State.Given is { Inline: true } ? Task.FromResult(DialogTurnResult.Waiting) : step.EndAsync();
        }
    }

    /// <summary>The test flow's state keeps the command it was begun with, typed.</summary>
    private sealed class TestLookupState : IBegunWith<QuickLookup>
    {
        public QuickLookup? Given { get; set; }

        public void Begin(QuickLookup options) => Given = options;
    }

    [Fact]
    public async Task A_module_adds_its_menu_entry_and_its_command_without_touching_the_engine()
    {
        await using var host = await TestHost.StartAsync(services: services => new TestFlow().Register(new FlowRegistration(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())));

        await host.Chat("081200017001")
            .Send("halo").Expect("Layanan uji")
            .Send("uji").Expect("Hasil uji untuk tanpa nomor")
            .RunAsync();
        // Inside another flow the command answers and that flow's question comes back.
        await host.Chat("081200017002")
            .Send("pengaduan").Expect("Layanan pengaduan")
            .Send("status uji 42").Expect("Hasil uji untuk 42", "Sampaikan pengaduan baru")
            .RunAsync();
    }

    [Fact]
    public void A_waterfall_version_follows_its_steps_and_the_shape_of_its_state()
    {
        var today = new TestFormDialog();
        Assert.Equal(today.Version, new TestFormDialog().Version);
        Assert.NotEqual(today.Version, new TestFormDialog(askTitle: true).Version);
        // Same steps, a state of another shape.
        WaterfallStep<TestFormState> first = _ => Task.FromResult(DialogTurnResult.Waiting);
        WaterfallStep<TestDetailsState> other = _ => Task.FromResult(DialogTurnResult.Waiting);
        Assert.NotEqual(
            new WaterfallDialog<TestFormState>("x", [("ask", first)]).Version,
            new WaterfallDialog<TestDetailsState>("x", [("ask", other)]).Version);
    }

    [Fact]
    public void A_step_without_a_stable_name_is_refused_when_the_flow_is_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WaterfallDialog<TestFormState>("x", _ => Task.FromResult(DialogTurnResult.Waiting)));
        Assert.Contains("lambda", error.Message);
    }
}
