using ChatBot.Bot.Cli;

// dotnet run --project Bot -- [serve|chat|migrate|bench] [options]
return await CommandLine.RunAsync(args);
