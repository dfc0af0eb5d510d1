using Hoop.Cli;

return await CliApp.RunAsync(args);
