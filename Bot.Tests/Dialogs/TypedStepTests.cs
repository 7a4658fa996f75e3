using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Tests.Support;
using ChatBot.Domain.Offices;

namespace ChatBot.Bot.Tests.Dialogs;

/// <summary>Steps declare the answer they take, and a waterfall keeps what it was begun with, typed, in its stored state.</summary>
public sealed class TypedStepTests
{
    /// <summary>
    /// <c>status uji NUMBER</c> asks for a count, then answers with both: the number comes from the
    /// state stored between the two turns, the count as the long its step declared.
    /// </summary>
    private sealed class CountFlow : IFlowModule
    {
        public void Register(FlowRegistration flow) =>
            flow.Dialog(_ => new CountDialog())
                .Quick(QuickCommand.Status(CountDialog.DialogId, OfficeServices.None, "uji"));
    }

    private sealed class CountState : IBegunWith<QuickLookup>
    {
        public string? Number { get; set; }

        public void Begin(QuickLookup options) => Number = options.Query;
    }

    private sealed class CountDialog : WaterfallDialog<CountState>
    {
        public const string DialogId = "test.count";

        public CountDialog()
            : base(DialogId) => Steps(Step(AskAsync), Step<long>(AnswerAsync));

        private static Task<DialogTurnResult> AskAsync(WaterfallStepContext<CountState> step) =>
            step.PromptAsync(NumberPrompt.DefaultId, new PromptOptions { Prompt = "Berapa orang?", Min = 1, Max = 9 });

        private static Task<DialogTurnResult> AnswerAsync(WaterfallStepContext<CountState> step, Answer<long> people)
        {
            if (!people.TryGet(out var count))
            {
                return step.GoToAsync(nameof(AskAsync));
            }

            step.Say($"Nomor {step.State.Number}: {count + 1} termasuk Anda.");
            return step.EndAsync();
        }
    }

    private sealed class IdState : IBegunWith<long>
    {
        public long Id { get; set; }

        public void Begin(long options) => Id = options;
    }

    [Fact]
    public async Task The_options_a_flow_was_begun_with_outlive_the_turn_and_the_answer_arrives_typed()
    {
        await using var host = await TestHost.StartAsync(services: services => new CountFlow().Register(new FlowRegistration(services, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())));

        await host.Chat("081200017101")
            .Send("status uji 77").Expect("Berapa orang?")
            .Send("dua").Expect("Nomor 77: 3 termasuk Anda.")
            .RunAsync();
    }

    [Fact]
    public void Options_are_kept_as_the_type_the_state_takes_and_a_queued_turns_text_reads_as_it()
    {
        var state = new IdState();
        BegunWith<IdState>.Keep("test", state, 42L);
        Assert.Equal(42, state.Id);

        // A queued turn carries its option as text.
        BegunWith<IdState>.Keep("test", state, "1234");
        Assert.Equal(1234, state.Id);

        // Text that is not the state's type (a turn queued by an older release) begins the dialog without it.
        var fresh = new IdState();
        BegunWith<IdState>.Keep("test", fresh, "P-00012");
        Assert.Equal(0, fresh.Id);

        // Any other type is a mistake in the code that begins the dialog.
        var error = Assert.Throws<InvalidOperationException>(() => BegunWith<IdState>.Keep("test", new IdState(), new Choice("x", "x")));
        Assert.Contains("Int64", error.Message);
    }

    [Fact]
    public void An_answer_of_another_type_than_the_step_takes_is_no_answer()
    {
        Assert.True(Answer<string>.From("Budi").TryGet(out var name));
        Assert.Equal("Budi", name);
        Assert.False(Answer<string>.From(new Choice("x", "x")).Given);
        Assert.False(Answer<long>.From(null).Given);
        Assert.False(Answer<bool>.From("ya").Given);
    }
}
